export {
  FUNCTION_NAME_PATTERN,
  validateFunctionDeclaration,
} from "./function-declaration-validator.js";
export {
  type SchemaDialect,
  type SchemaIssue,
  type SchemaIssueCode,
  type SchemaValidationOptions,
  validateSchema,
} from "./schema-validator.js";
