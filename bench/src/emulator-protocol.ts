// Messages between the bench and its emulator process (over the fork IPC channel).

/** What the bench needs to know of one request the emulator served. */
export interface LoggedRequest {
  rpc: string | undefined;
  stream: boolean;
  status: number | undefined;
  outcome: string;
  error: string | undefined;
  /** How many contents the request carried (1 for the question, 3 with the tool round trip). */
  contents: number;
}

/** `drain`: the requests served since the last drain; the log is then cleared to keep memory flat. */
export type ParentMessage = { type: "drain"; id: number };

export type ChildMessage =
  | { type: "ready"; url: string }
  | { type: "drained"; id: number; entries: LoggedRequest[] };
