/** Facts as real publications print them: 千万円, ▲ rates, local phone numbers, spaced hyphens. */
import { expect, test } from "vitest";
import { extractFacts } from "../../src/facts/extract.js";
import { scanFacts } from "../../src/facts/scan.js";
import { corpus, HAVE_CORPUS, readAll } from "../helpers.js";

const facts = (text: string) => scanFacts(text).map((f) => ({ kind: f.kind, text: f.text, value: f.value }));

test("an amount in 千万円 or 百万円: 3千万円 → 30,000,000 yen", () => {
  expect(facts("事業費 3千万円")).toEqual([{ kind: "amount", text: "3千万円", value: 30_000_000 }]);
  expect(facts("予算額 1.5千万円")).toEqual([{ kind: "amount", text: "1.5千万円", value: 15_000_000 }]);
  expect(facts("２百万円以内")[0]).toMatchObject({ kind: "amount", value: 2_000_000 });
});

test("a rate printed with ▲ or △ is negative", () => {
  expect(facts("前年比▲2.5%")).toEqual([{ kind: "rate", text: "▲2.5%", value: -0.025 }]);
  expect(facts("増減率 △０．３％")).toEqual([{ kind: "rate", text: "△０．３％", value: -0.003 }]);
});

test("a phone number with spaces around its hyphens (U+2010) is one number", () => {
  expect(facts("TEL 03 ‐ 3501 ‐ 1677")).toEqual([{ kind: "phone", text: "03 ‐ 3501 ‐ 1677", value: "0335011677" }]);
  expect(facts("電話：０３ ‐ ３５０１ ‐ １６７７")).toEqual([{ kind: "phone", text: "０３ ‐ ３５０１ ‐ １６７７", value: "0335011677" }]);
  // A span of years is no phone.
  expect(facts("期間 2020 - 2025 - 2030")).toEqual([]);
});

test("a local number after ℡ is a phone whose area code is missing; a bare 5-3312 is not", () => {
  const [f] = scanFacts("お問い合わせ 住民課 ℡５－３３１２");
  expect(f).toMatchObject({ kind: "phone", text: "５－３３１２", value: "53312", detail: { number: "5-3312" } });
  expect(f!.problems.map((p) => p.rule)).toEqual(["contact/no-area-code"]);
  expect(facts("回収日 5-3312")).toEqual([]);
});

test.skipIf(!HAVE_CORPUS)("21 (音威子府村 pamphlet): ℡５－３３１２ is reported with the missing area code and the village the page names", async () => {
  const [page] = await readAll(corpus("21_otoineppu-village_kogata-kaden-kaishu-pamphlet.pdf"));
  const phone = extractFacts(page!).find((f) => f.kind === "phone");
  expect(phone).toMatchObject({ value: "53312", detail: { number: "5-3312", municipality: "北海道音威子府村" } });
  expect(phone!.problems[0]!.rule).toBe("contact/no-area-code");
});
