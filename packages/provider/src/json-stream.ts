// `streamGenerateContent` without `alt=sse` answers with one JSON array of chunks, written as the
// chunks are produced. This splitter finds each top-level element as soon as its closing brace
// arrives, scanning every character once, so chunks reach the consumer while the array is still open.
// It also accepts bare concatenated objects (`{...}{...}` or one object per line).

export class JsonSplitError extends Error {}

export class JsonElementSplitter {
  private buf = "";
  private pos = 0;
  private depth = 0;
  private start = -1;
  private inString = false;
  private escaped = false;
  private openedArray = false;
  private closedArray = false;
  private emitted = 0;

  /** Feeds text; returns the source text of each element completed by it. */
  push(text: string): string[] {
    this.buf += text;
    const out: string[] = [];
    const buf = this.buf;
    let i = this.pos;
    for (; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (this.depth > 0) {
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (c === 0x5c /* \ */) this.escaped = true;
          else if (c === 0x22 /* " */) this.inString = false;
        } else if (c === 0x22) this.inString = true;
        else if (c === 0x7b /* { */ || c === 0x5b /* [ */) this.depth++;
        else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
          this.depth--;
          if (this.depth === 0) {
            out.push(buf.slice(this.start, i + 1));
            this.emitted++;
            this.start = -1;
          }
        }
        continue;
      }
      // Between elements.
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x2c /* , */) continue;
      if (this.closedArray)
        throw new JsonSplitError(`unexpected ${JSON.stringify(buf[i])} after the closing ]`);
      if (c === 0x5b && !this.openedArray && this.emitted === 0) {
        this.openedArray = true;
      } else if (c === 0x5d && this.openedArray) {
        this.closedArray = true;
      } else if (c === 0x7b) {
        this.depth = 1;
        this.start = i;
      } else {
        throw new JsonSplitError(`unexpected ${JSON.stringify(buf[i])} where a JSON object should start`);
      }
    }
    // Keep only the unfinished element.
    if (this.start >= 0) {
      this.buf = buf.slice(this.start);
      this.pos = i - this.start;
      this.start = 0;
    } else {
      this.buf = "";
      this.pos = 0;
    }
    return out;
  }

  /** True when the input ended cleanly (no half element, and `]` seen if it opened with `[`). */
  get complete(): boolean {
    return this.depth === 0 && (!this.openedArray || this.closedArray);
  }
}
