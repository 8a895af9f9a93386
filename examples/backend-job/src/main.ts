#!/usr/bin/env -S node --import tsx --conditions=@signet/source
// `pnpm backend-job [--in tickets.jsonl] [--out-dir dir] [--concurrency n] [--model id]`
// Triage every ticket with an agent, a few at a time; JSON logs on stdout (one child logger per
// task), progress and the summary on stderr, results in <out-dir>/results.jsonl. Started again on
// the same out-dir, it skips finished tasks and resumes interrupted ones from their checkpoints.
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { connect, defaultTextModel, runMain, UsageError } from "@signet/example-support";
import { pino } from "pino";
import { ActionLog, CheckpointStore } from "./checkpoint-store.js";
import { crashPointFromEnv } from "./crash-points.js";
import { ProgressBar } from "./progress-bar.js";
import { runTask } from "./run-task.js";
import { readTasks } from "./tasks.js";
import { forEachLimited } from "./worker-pool.js";

const DEFAULT_INPUT = fileURLToPath(new URL("../data/tickets.jsonl", import.meta.url));
const say = (line: string) => process.stderr.write(`${line}\n`);

function options(argv: string[]) {
  let values: { in?: string; "out-dir"?: string; concurrency?: string; model?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        in: { type: "string" },
        "out-dir": { type: "string" },
        concurrency: { type: "string" },
        model: { type: "string" },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const concurrency = Number(values.concurrency ?? 4);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new UsageError(`--concurrency must be an integer from 1 to 64 (got "${values.concurrency}").`);
  }
  return {
    input: resolve(values.in ?? DEFAULT_INPUT),
    outDir: resolve(values["out-dir"] ?? join(tmpdir(), "signet-backend-job")),
    concurrency,
    model: values.model,
  };
}

async function main(): Promise<number> {
  const opts = options(process.argv.slice(2));
  const logger = pino({ name: "backend-job", level: process.env.SIGNET_LOG_LEVEL?.trim() || "info" });
  const tasks = await readTasks(opts.input);
  const store = await CheckpointStore.open(opts.outDir, crashPointFromEnv(process.env.BACKEND_JOB_CRASH_AT));
  const actions = await ActionLog.open(store.actionsPath);
  const previous = await store.results();
  const todo = tasks.filter((t) => previous.get(t.ok ? t.ticket.id : t.id)?.status !== "ok");

  const connection = await connect(process.env, {
    model: opts.model,
    defaultModel: defaultTextModel,
    logger,
  });
  const controller = new AbortController();
  const stop = () => controller.abort(new Error("The job was interrupted."));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  say(
    `job: ${tasks.length} tasks (${tasks.length - todo.length} already done), concurrency ${opts.concurrency}, ` +
      `${connection.mode}${connection.mode === "offline" ? " (no API key: embedded emulator)" : ""} · ` +
      `${connection.gateway} · ${connection.model}`,
  );
  logger.info(
    { input: opts.input, outDir: opts.outDir, tasks: tasks.length, todo: todo.length },
    "job start",
  );

  const bar = new ProgressBar(todo.length);
  const failures: string[] = [];
  try {
    await forEachLimited(todo, opts.concurrency, async (task) => {
      if (controller.signal.aborted) return;
      const result = await runTask(task, {
        provider: connection.provider,
        model: connection.model,
        store,
        actions,
        logger,
        signal: controller.signal,
      });
      if (controller.signal.aborted && result.status === "failed") return; // resumes next time
      await store.appendResult(result);
      if (result.status === "failed") failures.push(`${result.id}: ${result.error}`);
      bar.tick(result.id, result.status === "ok");
    });
  } finally {
    bar.finish();
    await connection.close();
  }

  if (controller.signal.aborted) {
    say(`job: interrupted; run the same command again to resume. Results so far: ${store.resultsPath}`);
    return 130;
  }
  const total = tasks.length;
  const failed = failures.length;
  say(`job: ${total} tasks, ${total - failed} ok, ${failed} failed. Results: ${store.resultsPath}`);
  for (const f of failures) say(`  failed ${f}`);
  logger.info({ total, failed }, "job done");
  return failed > 0 ? 1 : 0;
}

runMain("backend-job", main);
