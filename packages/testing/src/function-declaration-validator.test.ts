import { describe, expect, it } from "vitest";
import { FUNCTION_NAME_PATTERN, validateFunctionDeclaration } from "./function-declaration-validator.js";

const parameters = { type: "OBJECT", properties: { city: { type: "STRING" } }, required: ["city"] };

describe("validateFunctionDeclaration", () => {
  it("accepts a well-formed declaration", () => {
    expect(validateFunctionDeclaration({ name: "get_weather", description: "Weather", parameters })).toEqual(
      [],
    );
    expect(validateFunctionDeclaration({ name: "ping" })).toEqual([]);
  });

  it.each([
    ["9lives", false],
    ["has space", false],
    ["dash-ok.colon:ok_1", true],
    ["_private", true],
    ["a".repeat(64), true],
    ["a".repeat(65), false],
    ["", false],
    ["émoji", false],
  ])("applies the name rule to %j (valid: %s)", (name, valid) => {
    expect(FUNCTION_NAME_PATTERN.test(name)).toBe(valid);
    const issues = validateFunctionDeclaration({ name }, "tools[0].functionDeclarations[0]");
    if (valid) expect(issues).toEqual([]);
    else {
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({
        path: "tools[0].functionDeclarations[0].name",
        code: "invalid-value",
      });
      expect(issues[0]?.message).toContain("Must start with a letter or an underscore");
    }
  });

  it("requires a name", () => {
    expect(validateFunctionDeclaration({ description: "x" })).toEqual([
      { path: "name", code: "invalid-value", message: "missing field." },
    ]);
  });

  it("checks parameters with the Schema rules, with their path", () => {
    const issues = validateFunctionDeclaration({
      name: "f",
      parameters: { type: "OBJECT", properties: { tags: { type: "ARRAY" } } },
    });
    expect(issues).toEqual([
      { path: "parameters.properties[tags].items", code: "missing-items", message: "missing field." },
    ]);
  });

  it("refuses an empty parameter object in the signet dialect, and takes it in the api dialect like the API", () => {
    const decl = { name: "dummy", parameters: { type: "OBJECT", properties: {} } };
    const issues = validateFunctionDeclaration(decl);
    expect(issues.map((i) => i.path)).toEqual(["parameters.properties"]);
    expect(issues[0]?.message).toBe(
      "should be non-empty for OBJECT type. For a function without arguments, omit `parameters`.",
    );
    expect(validateFunctionDeclaration(decl, "", { dialect: "api" })).toEqual([]);
  });

  it("refuses parameters and parametersJsonSchema together", () => {
    const issues = validateFunctionDeclaration({
      name: "f",
      parameters,
      parametersJsonSchema: { type: "object" },
    });
    expect(issues.map((i) => i.path)).toEqual(["parametersJsonSchema"]);
    expect(validateFunctionDeclaration({ name: "f", parametersJsonSchema: { type: "object" } })).toEqual([]);
  });

  it("refuses unknown fields and a wrong behavior", () => {
    expect(validateFunctionDeclaration({ name: "f", strict: true }).map((i) => i.code)).toEqual([
      "unknown-field",
    ]);
    expect(validateFunctionDeclaration({ name: "f", behavior: "ASYNC" }).map((i) => i.path)).toEqual([
      "behavior",
    ]);
    expect(validateFunctionDeclaration({ name: "f", behavior: "NON_BLOCKING" })).toEqual([]);
  });

  it("reads snake_case fields and null descriptions in the api dialect (recorded traffic)", () => {
    const decl = { name: "f", description: null, parameters_json_schema: { type: "object" } };
    expect(validateFunctionDeclaration(decl, "", { dialect: "api" })).toEqual([]);
    expect(validateFunctionDeclaration(decl).map((i) => i.code)).toEqual(["unknown-field", "invalid-value"]);
  });
});
