#!/usr/bin/env bash
# Regenerates xhr-core's encoding-indexes.bin.gz: the Encoding Standard's index tables
# (https://encoding.spec.whatwg.org/#indexes), taken from the npm package @exodus/bytes, which bundles them
# (compressed, and tested by its authors to decode into exactly the standard's tables).
#
#   xhr-core/encoding/generate-encoding-indexes.sh [@exodus/bytes version]
#
# Needs Node.js 20+ and npm (the npm registry). The tables are the WHATWG's (BSD 3-Clause, see
# xhr-core/encoding/README.md); the package is MIT.
set -euo pipefail
cd "$(dirname "$0")"
VERSION=${1:-1.16.0}
OUT=$(pwd)/../src/main/resources/dev/springxhr/xhr/internal/encoding/encoding-indexes.bin.gz
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund "@exodus/bytes@$VERSION" >/dev/null)
cd "$WORK"
node --input-type=module - "$OUT" "$VERSION" <<'JS'
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
const [out, version] = process.argv.slice(2);
const base = './node_modules/@exodus/bytes/fallback/';
const { getTable } = await import(base + 'multi-byte.table.js');
const { getEncoding } = await import(base + 'single-byte.js');

// The file: "WHATWGIX", a version, the package version, then each table as a name, a kind (0: pointer -> code point,
// -1 where the index has no entry; 1: gb18030-ranges, pointer and code point pairs), a length and the ints.
const chunks = [];
const int = (n) => { const b = Buffer.alloc(4); b.writeInt32BE(n); chunks.push(b); };
const utf = (s) => { const b = Buffer.from(s, 'utf8'); const l = Buffer.alloc(2); l.writeUInt16BE(b.length); chunks.push(l, b); };
chunks.push(Buffer.from('WHATWGIX', 'ascii'));
int(1);
utf('@exodus/bytes@' + version);
const tables = [];
const singleByte = ['ibm866', 'iso-8859-2', 'iso-8859-3', 'iso-8859-4', 'iso-8859-5', 'iso-8859-6', 'iso-8859-7',
  'iso-8859-8', 'iso-8859-10', 'iso-8859-13', 'iso-8859-14', 'iso-8859-15', 'iso-8859-16', 'koi8-r', 'koi8-u',
  'macintosh', 'windows-874', 'windows-1250', 'windows-1251', 'windows-1252', 'windows-1253', 'windows-1254',
  'windows-1255', 'windows-1256', 'windows-1257', 'windows-1258', 'x-mac-cyrillic'];
for (const name of singleByte) {
  // The package leaves out a tail that is the same as Latin-1 (byte 0x80 + i is U+0080 + i): padded back here.
  const codes = getEncoding(name);
  const index = Array.from({ length: 128 }, (_, i) => (i < codes.length ? codes[i] : 0x80 + i));
  tables.push([name, 0, index.map((c) => (c === 0xfffd ? -1 : c))]);
}
const codePoint = (v) => {
  if (v === 0) return -1;
  if (v > 0xffff) {
    const hi = v >>> 16, lo = v & 0xffff;
    if (hi >= 0xd800 && hi <= 0xdbff) return ((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
    return -1; // Big5's pointers with two code points (1133, 1135, 1164, 1166): the decoder has them itself
  }
  return v;
};
for (const name of ['jis0208', 'jis0212', 'euc-kr', 'gb18030', 'big5']) {
  tables.push([name, 0, Array.from(getTable(name), codePoint)]);
}
tables.push(['iso-2022-jp-katakana', 0, Array.from(getTable('iso-2022-jp-katakana'))]);
tables.push(['gb18030-ranges', 1, getTable('gb18030-ranges').flat()]);
int(tables.length);
for (const [name, kind, values] of tables) {
  utf(name);
  int(kind);
  int(values.length);
  for (const v of values) int(v);
}
writeFileSync(out, gzipSync(Buffer.concat(chunks), { level: 9 }));
console.log(`wrote ${out}: ${tables.length} tables from @exodus/bytes@${version}`);
JS
