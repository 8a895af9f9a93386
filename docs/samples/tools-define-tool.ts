import { defineTool, formatConversionReport } from "@signet/tools";
import { z } from "zod";

const getWeather = defineTool({
  name: "get_weather", // ^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$, checked now
  description: "Current weather for a city", // required: the model reads it
  parameters: z.object({
    city: z.string().min(1).describe("City name"),
    unit: z.enum(["c", "f"]).default("c"),
    at: z.date().optional(), // travels as a date-time string, arrives as a Date
  }),
  execute: async ({ city, unit, at }, { signal, callId, logger }) => {
    logger.debug({ callId }, "looking up the weather"); // a child logger: run id, tool name, call id
    signal.throwIfAborted(); // aborted with the run, or when this call's deadline passes
    return { city, unit, temp: 21, at: at?.toISOString() ?? "now" };
  },
});

// The declaration, computed once and frozen: { name, description, parameters: { type: "OBJECT", ... } }
console.log(JSON.stringify(getWeather.declaration));
console.log(formatConversionReport(getWeather.report)); // what the conversion softened or encoded, with paths

const parsed = getWeather.parseArgs({ city: "Oslo", at: "2025-06-01T12:00:00Z" });
if (parsed.ok) console.log(parsed.args); // the default applied, `at` a Date (typed as one)
const refused = getWeather.parseArgs({ city: "", unit: "k" });
if (!refused.ok) console.log(JSON.stringify(refused.issues)); // every issue, with its path
