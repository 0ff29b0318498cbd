#!/usr/bin/env bash
# Replaces the vendored bpmn-js (the studio's process modeler and the diagrams' viewer) with a released version from
# the npm registry: ./scripts/update-bpmn-js.sh 18.31.1. Only the released distribution files are kept, with their
# licence; nothing is built. Check the studio and the diagrams after an update (StudioOnPostgresIT, the diagram tests).
set -euo pipefail
version="${1:?usage: $0 <bpmn-js version, e.g. 18.31.1>}"
cd "$(dirname "$0")/.."
target=src/main/resources/static/vendor/bpmn-js
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "bpmn-js@$version" >/dev/null && tar xzf "bpmn-js-$version.tgz")
rm -rf "$target"
mkdir -p "$target/assets/bpmn-font/css" "$target/assets/bpmn-font/font"
cp "$work/package/LICENSE" "$target/LICENSE"
cp "$work/package/dist/bpmn-modeler.production.min.js" "$work/package/dist/bpmn-navigated-viewer.production.min.js" "$target/"
cp "$work/package/dist/assets/diagram-js.css" "$work/package/dist/assets/bpmn-js.css" "$target/assets/"
cp "$work/package/dist/assets/bpmn-font/css/bpmn.css" "$target/assets/bpmn-font/css/"
cp "$work/package/dist/assets/bpmn-font/font/bpmn.woff2" "$work/package/dist/assets/bpmn-font/font/bpmn.woff" \
   "$target/assets/bpmn-font/font/"
echo "$version" > "$target/VERSION"
echo "bpmn-js $version is in $target"
