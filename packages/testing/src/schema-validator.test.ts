import { describe, expect, it } from "vitest";
import { validateSchema } from "./schema-validator.js";

const city = { type: "STRING", description: "City name" };
const obj = (extra: Record<string, unknown> = {}) => ({
  type: "OBJECT",
  properties: { city },
  required: ["city"],
  ...extra,
});

describe("validateSchema", () => {
  it("accepts a well-formed schema using every rule's good form", () => {
    const schema = {
      type: "OBJECT",
      description: "weather query",
      properties: {
        city,
        unit: { type: "STRING", enum: ["C", "F"], nullable: true },
        days: { type: "INTEGER", minimum: 1, maximum: 14, format: "int32" },
        tags: { type: "ARRAY", items: { type: "STRING" }, minItems: 0, maxItems: "5" },
        where: { anyOf: [{ type: "STRING" }, { type: "OBJECT", properties: { lat: { type: "NUMBER" } } }] },
      },
      required: ["city", "days"],
      propertyOrdering: ["city", "unit", "days", "tags", "where"],
    };
    expect(validateSchema(schema)).toEqual([]);
  });

  it("refuses a field outside the Schema subset, naming it like the API", () => {
    const issues = validateSchema(obj({ additionalProperties: false }), "parameters");
    expect(issues).toEqual([
      {
        path: "parameters",
        code: "unknown-field",
        field: "additionalProperties",
        message: 'Unknown name "additionalProperties": Cannot find field.',
      },
    ]);
  });

  it("refuses snake_case names in the signet dialect and accepts them in the api dialect", () => {
    const schema = obj({ property_ordering: ["city"] });
    expect(validateSchema(schema).map((i) => i.code)).toEqual(["unknown-field"]);
    expect(validateSchema(schema, "", { dialect: "api" })).toEqual([]);
  });

  it("reports a field written in both spellings", () => {
    const schema = obj({ propertyOrdering: ["city"], property_ordering: ["city"] });
    expect(validateSchema(schema, "", { dialect: "api" }).map((i) => i.code)).toEqual(["duplicate-field"]);
  });

  it("requires uppercase Type values in the signet dialect", () => {
    const issues = validateSchema({ type: "object", properties: { city: { type: "string" } } });
    expect(issues).toEqual([
      {
        path: "type",
        code: "invalid-type",
        message: 'Type values are uppercase: write "OBJECT", not "object".',
      },
      {
        path: "properties[city].type",
        code: "invalid-type",
        message: 'Type values are uppercase: write "STRING", not "string".',
      },
    ]);
    // The real API takes lowercase names (recorded: llm-gemini sends `"type":"integer"` and gets 200).
    expect(
      validateSchema({ type: "object", properties: { x: { type: "integer" } } }, "", { dialect: "api" }),
    ).toEqual([]);
  });

  it("refuses a type name that does not exist", () => {
    expect(validateSchema({ type: "DATE" })[0]).toMatchObject({ path: "type", code: "invalid-type" });
    expect(validateSchema({ type: 3 })[0]).toMatchObject({ code: "invalid-type" });
    expect(validateSchema({ type: "STRING" })).toEqual([]);
  });

  it("refuses an OBJECT with empty or missing properties", () => {
    expect(validateSchema({ type: "OBJECT", properties: {} })).toEqual([
      {
        path: "properties",
        code: "empty-properties",
        message: "should be non-empty for OBJECT type.",
      },
    ]);
    expect(validateSchema({ type: "OBJECT", properties: { inner: { type: "OBJECT" } } })).toEqual([
      {
        path: "properties[inner].properties",
        code: "empty-properties",
        message: "should be non-empty for OBJECT type.",
      },
    ]);
    expect(validateSchema(obj())).toEqual([]);
  });

  it("allows an empty top-level OBJECT only when asked (a function's whole parameter list)", () => {
    const empty = { type: "OBJECT", properties: {} };
    expect(validateSchema(empty, "", { allowEmptyTopLevelObject: true })).toEqual([]);
    const nested = { type: "OBJECT", properties: { a: empty } };
    expect(validateSchema(nested, "", { allowEmptyTopLevelObject: true }).map((i) => i.path)).toEqual([
      "properties[a].properties",
    ]);
  });

  it("refuses `required` naming an undefined property", () => {
    expect(validateSchema(obj({ required: ["city", "country"] }))).toEqual([
      {
        path: "required[1]",
        code: "undefined-property",
        message: 'property is not defined: "country" is not in `properties`.',
      },
    ]);
    expect(validateSchema(obj({ required: ["city"] }))).toEqual([]);
  });

  it("refuses enum values that are not strings", () => {
    const issues = validateSchema({ type: "STRING", enum: ["a", 1, true] });
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ["enum[1]", "enum-not-string"],
      ["enum[2]", "enum-not-string"],
    ]);
    expect(validateSchema({ type: "STRING", enum: ["1", "2"] })).toEqual([]);
  });

  it("refuses enum on anything but STRING", () => {
    expect(validateSchema({ type: "INTEGER", enum: ["1", "2"] })).toEqual([
      { path: "enum", code: "enum-without-string-type", message: "only allowed for STRING type." },
    ]);
    expect(validateSchema({ enum: ["a"] }).map((i) => i.code)).toEqual(["enum-without-string-type"]);
    expect(validateSchema({ type: "STRING", enum: "a" }).map((i) => i.code)).toEqual(["invalid-value"]);
  });

  it("requires items on an ARRAY, and checks them", () => {
    expect(validateSchema({ type: "ARRAY" })).toEqual([
      { path: "items", code: "missing-items", message: "missing field." },
    ]);
    expect(validateSchema({ type: "ARRAY", items: { type: "ARRAY" } }).map((i) => i.path)).toEqual([
      "items.items",
    ]);
    expect(validateSchema({ type: "ARRAY", items: { type: "NUMBER" } })).toEqual([]);
  });

  it("requires propertyOrdering to name existing properties", () => {
    expect(validateSchema(obj({ propertyOrdering: ["city", "zip"] })).map((i) => [i.path, i.code])).toEqual([
      ["propertyOrdering[1]", "undefined-property"],
    ]);
    expect(validateSchema(obj({ propertyOrdering: "city" })).map((i) => i.code)).toEqual(["invalid-value"]);
    expect(validateSchema(obj({ propertyOrdering: ["city"] }))).toEqual([]);
  });

  it("checks anyOf members recursively", () => {
    const bad = { anyOf: [{ type: "STRING" }, { type: "OBJECT", properties: {} }, { type: "ARRAY" }] };
    expect(validateSchema(bad).map((i) => i.path)).toEqual(["anyOf[1].properties", "anyOf[2].items"]);
    expect(validateSchema({ anyOf: [] }).map((i) => i.code)).toEqual(["invalid-value"]);
    expect(validateSchema({ anyOf: [{ type: "STRING" }, { type: "NULL" }] })).toEqual([]);
  });

  it("types the numeric fields: counts are non-negative integers, bounds finite numbers", () => {
    const bad = {
      type: "ARRAY",
      items: { type: "STRING", minLength: -1, maxLength: 2.5 },
      minItems: "two",
      maxItems: true,
    };
    expect(validateSchema(bad).map((i) => i.path)).toEqual([
      "maxItems",
      "minItems",
      "items.minLength",
      "items.maxLength",
    ]);
    expect(validateSchema({ type: "NUMBER", minimum: "1" }).map((i) => i.path)).toEqual(["minimum"]);
    expect(validateSchema({ type: "NUMBER", minimum: "1" }, "", { dialect: "api" })).toEqual([]);
    expect(validateSchema({ type: "NUMBER", maximum: Number.POSITIVE_INFINITY }).map((i) => i.path)).toEqual([
      "maximum",
    ]);
    expect(validateSchema({ type: "STRING", minLength: 1, maxLength: "64" })).toEqual([]);
  });

  it("types the string and boolean fields", () => {
    expect(validateSchema({ type: "STRING", description: 3, nullable: "yes" }).map((i) => i.path)).toEqual([
      "description",
      "nullable",
    ]);
  });

  it("refuses null values in the signet dialect and reads them as absent in the api dialect", () => {
    expect(validateSchema({ type: "STRING", description: null }).map((i) => i.path)).toEqual(["description"]);
    expect(validateSchema({ type: "STRING", description: null }, "", { dialect: "api" })).toEqual([]);
  });

  it("refuses something that is not an object", () => {
    expect(validateSchema("STRING", "parameters")).toEqual([
      { path: "parameters", code: "not-a-schema", message: "must be a Schema object (a JSON object)." },
    ]);
    expect(validateSchema(obj({ properties: { a: [] } })).map((i) => i.path)).toEqual([
      "properties[a]",
      "required[0]",
    ]);
  });

  it("prints proto (snake_case) names in paths in the api dialect", () => {
    const issues = validateSchema(
      { type: "OBJECT", properties: { a: { type: "ARRAY" } }, anyOf: [{}] },
      "p",
      {
        dialect: "api",
      },
    );
    expect(issues.map((i) => i.path)).toEqual(["p.properties[a].items"]);
    const ordering = validateSchema(obj({ propertyOrdering: ["x"] }), "p", { dialect: "api" });
    expect(ordering.map((i) => i.path)).toEqual(["p.property_ordering[0]"]);
  });
});
