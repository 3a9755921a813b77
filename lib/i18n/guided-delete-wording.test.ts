// The guided deletion names only what still blocks the cluster (issue 13 point 20): never
// "0 proxy servers and 5 clients".
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { en, ja } from "../../messages";

const say = (messages: typeof en, locale: "en" | "ja", proxies: number, clients: number) =>
  createTranslator({ locale, messages, namespace: "guidedDelete.cluster" })("blocked", { proxies, clients });

describe("the guided deletion's waiting message", () => {
  it.each<[number, number, string, string]>([
    [0, 5, "Waiting: the cluster still has 5 clients.", "待機中: クラスターにまだ 5 台のクライアントがあります。"],
    [1, 0, "Waiting: the cluster still has 1 proxy server.", "待機中: クラスターにまだ 1 台のプロキシサーバーがあります。"],
    [
      2,
      1,
      "Waiting: the cluster still has 2 proxy servers and 1 client.",
      "待機中: クラスターにまだ 2 台のプロキシサーバーと 1 台のクライアントがあります。",
    ],
  ])("%i proxies, %i clients", (proxies, clients, english, japanese) => {
    expect(say(en, "en", proxies, clients)).toBe(english);
    expect(say(ja, "ja", proxies, clients)).toBe(japanese);
  });
});
