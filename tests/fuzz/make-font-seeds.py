#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Makes tests/fuzz/seeds/font/two-faces.ttc, the font target's collection
# seed: zhongwen-only.ttf (TrueType) and noto-serif-sc-few.otf (CFF) of
# tests/fixtures/fonts in one TrueType collection, each face's tables copied
# as they are, and one byte more: the target reads a collection of an odd
# size at its second face, the CFF one.  No fonts of the machine have a collection small enough to
# seed a fuzzer with.
#   python3 tests/fuzz/make-font-seeds.py
import struct
import sys

FACES = ["tests/fixtures/fonts/zhongwen-only.ttf", "tests/fixtures/fonts/noto-serif-sc-few.otf"]
OUT = "tests/fuzz/seeds/font/two-faces.ttc"


def tables(data):
    version, n = struct.unpack(">4sH", data[:6])
    recs = [struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i]) for i in range(n)]
    return version, data[4:12], [(tag, csum, data[off:off + length]) for tag, csum, off, length in recs]


def main():
    faces = [tables(open(p, "rb").read()) for p in FACES]
    head = 12 + 4 * len(faces)
    dirs = [12 + 16 * len(t) for _, _, t in faces]
    at = head + sum(dirs)
    out_dirs, blobs, offsets = b"", b"", []
    for (version, search, recs), size in zip(faces, dirs):
        offsets.append(head + len(out_dirs))
        d = version + search
        for tag, csum, blob in recs:
            d += struct.pack(">4sIII", tag, csum, at + len(blobs), len(blob))
            blobs += blob + b"\0" * (-len(blob) % 4)
        out_dirs += d
    header = struct.pack(">4sII", b"ttcf", 0x00010000, len(faces)) + b"".join(struct.pack(">I", o) for o in offsets)
    open(OUT, "wb").write(header + out_dirs + blobs + b"\0")
    return 0


if __name__ == "__main__":
    sys.exit(main())
