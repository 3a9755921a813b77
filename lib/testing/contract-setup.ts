// Integration tier (a vitest setupFile): every answer a test receives from a route, through call()
// or the test servers, is checked against the OpenAPI document (issue 14).
import { assertFollowsContract } from "./contract-check";
import { checkAnswersWith } from "./http";

checkAnswersWith(assertFollowsContract);
