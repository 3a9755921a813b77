// npm run admin -- create-token --name NAME --role ROLE [--expires-days N]
// npm run admin -- create-user --email EMAIL --role ROLE [--name NAME] [--password PW]
// npm run admin -- publish-release --version X.Y.Z [--notes TEXT]   packages agent/ as a signed release
// Works on DATABASE_URL or the embedded database. create-token prints the token alone on its
// last line, so scripts can take it with `| tail -n 1`.
import { parseArgs } from "node:util";
import { createApiToken } from "../lib/auth/api-tokens";
import { createTokenSchema, createUserSchema } from "../lib/auth/schemas";
import { createUser } from "../lib/auth/users";
import { disconnectDb } from "../lib/db/client";
import { recordAuditEvent } from "../lib/audit/audited";
import { systemContext } from "../lib/http/context";
import { AppError } from "../lib/http/errors";
import { publishRelease } from "../lib/releases/publish-release";
import { migrate, openDatabase } from "./lib/database";

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    name: { type: "string" },
    role: { type: "string" },
    email: { type: "string" },
    password: { type: "string" },
    "expires-days": { type: "string" },
    version: { type: "string" },
    notes: { type: "string" },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const quiet = () => undefined;
const database = await openDatabase(quiet);
try {
  migrate(database.url);
  const ctx = systemContext("admin cli");
  if (command === "create-token") {
    const input = createTokenSchema.safeParse({
      name: values.name ?? "cli",
      role: values.role,
      expiresInDays: values["expires-days"] ? Number(values["expires-days"]) : null,
    });
    if (!input.success) fail(`create-token: ${input.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")}`);
    const token = await createApiToken(ctx, input.data);
    console.error(
      `created API token "${token.name}" with role ${token.role}${token.expiresAt ? `, expires ${token.expiresAt}` : ""}`,
    );
    console.log(token.token);
  } else if (command === "create-user") {
    const input = createUserSchema.safeParse({
      email: values.email,
      name: values.name ?? values.email,
      role: values.role,
      password: values.password,
    });
    if (!input.success) fail(`create-user: ${input.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")}`);
    const user = await createUser(ctx, input.data);
    console.log(`created ${user.role} ${user.email}${user.temporaryPassword ? ` with password ${user.temporaryPassword}` : ""}`);
  } else if (command === "publish-release") {
    if (!values.version) fail("publish-release: --version X.Y.Z is required");
    try {
      const release = await publishRelease({ version: values.version, notes: values.notes, publishedBy: "admin cli" });
      await recordAuditEvent(ctx, "release.publish", { type: "release", id: release.version, name: release.version }, release);
      console.log(`published release ${release.version}: ${release.size} bytes, sha256 ${release.digest}`);
    } catch (error) {
      if (error instanceof AppError) fail(`publish-release: ${error.message}`);
      throw error;
    }
  } else {
    fail(
      "usage: npm run admin -- create-token --name NAME --role admin|operator|viewer [--expires-days N]\n       npm run admin -- create-user --email EMAIL --role ROLE [--name NAME] [--password PW]\n       npm run admin -- publish-release --version X.Y.Z [--notes TEXT]",
    );
  }
} finally {
  await disconnectDb();
  await database.stop();
}
