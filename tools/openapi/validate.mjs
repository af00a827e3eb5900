// Validates a Swagger 2.0 document against the specification's schema, and resolves every $ref in it.
import SwaggerParser from "@apidevtools/swagger-parser";

const file = process.argv[2];
if (!file) {
  console.error("usage: node validate.mjs <swagger.json>");
  process.exit(2);
}
try {
  const api = await SwaggerParser.validate(file);
  const operations = Object.values(api.paths).flatMap((path) => Object.keys(path)).length;
  console.log(`${file}: valid Swagger ${api.swagger}, "${api.info.title}" ${api.info.version}, ${operations} operations`);
} catch (error) {
  console.error(`${file}: not a valid Swagger 2.0 document\n${error.message}`);
  process.exit(1);
}
