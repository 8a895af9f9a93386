// Progress on stderr: a bar redrawn in place on a terminal, one line per finished task otherwise
// (CI logs, pipes), so it is readable either way and never mixes with the JSON logs on stdout.
/** Where the bar goes: process.stderr, or anything with `write` (and `isTTY` when it is a terminal). */
export interface ProgressOut {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export class ProgressBar {
  private done = 0;
  private failed = 0;
  private readonly tty: boolean;

  constructor(
    private readonly total: number,
    private readonly out: ProgressOut = process.stderr,
  ) {
    this.tty = Boolean(out.isTTY);
    if (this.tty) this.draw();
  }

  tick(id: string, ok: boolean): void {
    this.done++;
    if (!ok) this.failed++;
    if (this.tty) this.draw();
    else this.out.write(`${this.bar()} ${id} ${ok ? "ok" : "FAILED"}\n`);
  }

  finish(): void {
    if (this.tty) this.out.write("\n");
  }

  private bar(): string {
    const width = 24;
    const filled = this.total === 0 ? width : Math.round((this.done / this.total) * width);
    const failed = this.failed ? ` ${this.failed} failed` : "";
    return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${this.done}/${this.total}${failed}`;
  }

  private draw(): void {
    this.out.write(`\r${this.bar()}`);
  }
}
