// Validates the Kubernetes manifests the build generated (target/kubernetes/kubernetes.yml:
// Quarkus's Kubernetes extension, merged with src/main/kubernetes/) against the Kubernetes API's
// own OpenAPI schemas, with kubernetes-models (its classes validate against those schemas). Every
// document must be a kind that library knows, and valid; the first error fails the build.
import { readFileSync } from "node:fs";
import yaml from "js-yaml";

const file = process.argv[2] ?? "../../target/kubernetes/kubernetes.yml";
const documents = yaml.loadAll(readFileSync(file, "utf8")).filter((d) => d != null);
if (documents.length === 0) {
  console.error(`${file}: no manifest`);
  process.exit(1);
}
let failed = false;
for (const document of documents) {
  const { apiVersion, kind } = document;
  const name = `${kind} ${document.metadata?.name ?? "(no name)"} (${apiVersion})`;
  let Model;
  try {
    const module = await import(`kubernetes-models/${apiVersion}/${kind}`);
    Model = module[kind];
  } catch (e) {
    console.error(`${file}: ${name}: not a kind of the Kubernetes API`);
    failed = true;
    continue;
  }
  try {
    new Model(document).validate();
    console.log(`${file}: ${name}: valid`);
  } catch (e) {
    console.error(`${file}: ${name}: ${e.message}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
