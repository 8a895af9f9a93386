// What the bench runs: a named client, set up once against the emulator, then run many times.

export interface ContenderRunner {
  /** One whole conversation (question, two parallel tool calls, answer); resolves to the final text. */
  run(): Promise<string>;
  close(): Promise<void>;
}

export interface Contender {
  /** Short id for `--only` and JSON output. */
  id: string;
  /** What the table shows. */
  label: string;
  /** The floor the others are compared with (and `generateContent` contenders judged against). */
  baseline?: boolean;
  /** The floor streaming contenders are judged against: the same conversation over SSE. */
  streamFloor?: boolean;
  /** Uses `streamGenerateContent` (SSE) rather than `generateContent`. */
  streaming: boolean;
  /** Counted against Signet's budget. */
  signet?: boolean;
  /** Run only when named with --only (a breakdown, not one of the compared clients). */
  optIn?: boolean;
  setup(emulatorUrl: string): Promise<ContenderRunner> | ContenderRunner;
}
