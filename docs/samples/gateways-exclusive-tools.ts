import { exclusiveTools, type FunctionDeclaration } from "@signet/provider";

const weather: FunctionDeclaration = { name: "get_weather", description: "Current weather for a city" };

export const tools = exclusiveTools({ functionDeclarations: [weather] }, { codeExecution: {} }); // ok
// @ts-expect-error tool_conflict: googleSearch and functionDeclarations cannot share a request here
exclusiveTools({ functionDeclarations: [weather] }, { googleSearch: {} });
