// The bar redraws one line in place on a terminal and writes one plain line per task elsewhere
// (CI logs, files), where carriage returns would pile up as garbage.
import { describe, expect, it } from "vitest";
import { ProgressBar } from "./progress-bar.js";

function sink(isTTY: boolean) {
  const out = { isTTY, text: "", write: (s: string) => (out.text += s) };
  return out;
}

describe("ProgressBar", () => {
  it("on a terminal: one line redrawn with \\r, a newline at the end", () => {
    const out = sink(true);
    const bar = new ProgressBar(4, out);
    bar.tick("T-1", true);
    bar.tick("T-2", false);
    bar.finish();
    expect(out.text).toBe(
      "\r[------------------------] 0/4" +
        "\r[######------------------] 1/4" +
        "\r[############------------] 2/4 1 failed" +
        "\n",
    );
  });

  it("not a terminal: one line per finished task, no carriage return", () => {
    const out = sink(false);
    const bar = new ProgressBar(2, out);
    bar.tick("T-1", true);
    bar.tick("T-2", false);
    bar.finish();
    expect(out.text).toBe(
      "[############------------] 1/2 T-1 ok\n[########################] 2/2 1 failed T-2 FAILED\n",
    );
  });
});
