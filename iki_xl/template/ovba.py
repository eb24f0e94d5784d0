"""[MS-OVBA] 2.4.1 compression and decompression of VBA source streams.

The compressor follows the spec's greedy algorithm exactly (section 2.4.1.3): every chunk
holds 4096 decompressed bytes (the last one fewer), every chunk is written *compressed*
(flag 1), and the longest match in the chunk's window is taken at every position, the
nearest candidate winning ties. A raw ("uncompressed") chunk is never written: Excel
silently drops a module whose stream holds one (see ``/shared/EXCEL-NOTES.md``). A chunk
whose compressed form would not fit the 12-bit size field raises :class:`OvbaError`
instead; that cannot happen for text (a chunk of at most 3640 bytes always fits, and any
realistic VBA source compresses well below that).

The decompressor exists for tests and for reading our own output back; oletools'
``decompress_stream`` is the independent oracle.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

__all__ = [
    "CHUNK_SIZE",
    "ChunkInfo",
    "OvbaError",
    "all_chunks_compressed",
    "chunk_is_compressed",
    "chunks",
    "compress",
    "decompress",
]

CHUNK_SIZE = 4096
_SIGNATURE = 0x01
_CHUNK_SIGNATURE = 0b011
_MAX_COMPRESSED_CHUNK = 4098  # header (2) + 4096


class OvbaError(ValueError):
    """A stream that cannot be compressed or is not a valid compressed container."""


def _copy_token_help(difference: int) -> tuple[int, int, int]:
    """Return (bit_count, length_mask, maximum_length) for a position in the chunk.

    ``difference`` is DecompressedCurrent - DecompressedChunkStart (2.4.1.3.19.1).
    """
    bit_count = max((difference - 1).bit_length(), 4)
    length_mask = 0xFFFF >> bit_count
    return bit_count, length_mask, length_mask + 3


def _match_length(data: bytes, candidate: int, current: int, end: int) -> int:
    """Length of the common run of data[candidate:] and data[current:], bounded by end."""
    length = 0
    limit = end - current
    # Compare in slices first (fast in CPython), then byte by byte.
    step = 64
    while length + step <= limit and (
        data[candidate + length : candidate + length + step]
        == data[current + length : current + length + step]
    ):
        length += step
    while length < limit and data[candidate + length] == data[current + length]:
        length += 1
    return length


def _longest_match(
    data: bytes, chains: dict[bytes, list[int]], current: int, end: int
) -> tuple[int, int]:
    """(position, length) of the longest earlier match of data[current:], or (-1, 0).

    Candidates are walked from nearest to farthest and strictly longer wins, so the nearest
    of equally long matches is kept, as in 2.4.1.3.19.4."""
    best_length, best_candidate = 0, -1
    if current + 3 > end:
        return best_candidate, best_length
    for candidate in reversed(chains.get(data[current : current + 3], ())):
        length = _match_length(data, candidate, current, end)
        if length > best_length:
            best_length, best_candidate = length, candidate
            if current + length == end:
                break  # cannot get longer
    return best_candidate, best_length


def _compress_chunk(data: bytes, start: int, end: int) -> bytes:
    """Compress data[start:end] (at most 4096 bytes) into one compressed chunk."""
    out = bytearray()
    # Hash chains: 3-byte prefix -> positions in this chunk, in increasing order.
    chains: dict[bytes, list[int]] = {}
    current = start
    inserted = start  # positions < inserted are in the chains

    def insert_upto(limit: int) -> None:
        nonlocal inserted
        while inserted < limit:
            if inserted + 3 <= end:
                chains.setdefault(data[inserted : inserted + 3], []).append(inserted)
            inserted += 1

    while current < end:
        flag_index = len(out)
        out.append(0)
        flags = 0
        for bit in range(8):
            if current >= end:
                break
            best_candidate, best_length = _longest_match(data, chains, current, end)
            if best_length >= 3:
                bit_count, _, maximum_length = _copy_token_help(current - start)
                length = min(best_length, maximum_length)
                offset = current - best_candidate
                token = ((offset - 1) << (16 - bit_count)) | (length - 3)
                out += struct.pack("<H", token)
                flags |= 1 << bit
                insert_upto(current + length)
                current += length
            else:
                out.append(data[current])
                insert_upto(current + 1)
                current += 1
        out[flag_index] = flags
    size = len(out) + 2
    if size > _MAX_COMPRESSED_CHUNK:
        raise OvbaError(
            f"chunk at offset {start} does not compress into {_MAX_COMPRESSED_CHUNK} bytes "
            f"({size}); refusing to write a raw chunk"
        )
    header = (size - 3) | (_CHUNK_SIGNATURE << 12) | (1 << 15)
    return struct.pack("<H", header) + bytes(out)


def compress(data: bytes) -> bytes:
    """Compress ``data`` into an [MS-OVBA] CompressedContainer (every chunk compressed)."""
    data = bytes(data)
    out = bytearray([_SIGNATURE])
    for start in range(0, len(data), CHUNK_SIZE):
        out += _compress_chunk(data, start, min(start + CHUNK_SIZE, len(data)))
    return bytes(out)


@dataclass(frozen=True)
class ChunkInfo:
    """One chunk of a compressed container, as found by :func:`chunks`."""

    offset: int  # position of the chunk header in the container
    size: int  # total bytes including the 2-byte header
    compressed: bool
    literals: int  # literal tokens (0 for a raw chunk)
    copy_tokens: int  # copy tokens (0 for a raw chunk)
    decompressed_size: int


def _parse_header(container: bytes, pos: int) -> tuple[int, bool]:
    if pos + 2 > len(container):
        raise OvbaError(f"truncated chunk header at offset {pos}")
    (header,) = struct.unpack_from("<H", container, pos)
    if (header >> 12) & 0b111 != _CHUNK_SIGNATURE:
        raise OvbaError(f"bad chunk signature at offset {pos}: header {header:#06x}")
    return (header & 0x0FFF) + 3, bool(header >> 15)


def chunk_is_compressed(header: int) -> bool:
    """True if a 16-bit CompressedChunkHeader has CompressedChunkFlag 1 (not a raw chunk)."""
    return bool(header & 0x8000)


def _decode(container: bytes) -> tuple[bytes, list[ChunkInfo]]:
    if not container or container[0] != _SIGNATURE:
        raise OvbaError("not a compressed container (signature byte is not 0x01)")
    out = bytearray()
    infos: list[ChunkInfo] = []
    pos = 1
    while pos < len(container):
        size, compressed = _parse_header(container, pos)
        chunk_end = min(pos + size, len(container))
        chunk_start_out = len(out)
        literals = copies = 0
        if not compressed:
            out += container[pos + 2 : pos + 2 + CHUNK_SIZE]
            chunk_end = pos + 2 + CHUNK_SIZE
        else:
            p = pos + 2
            while p < chunk_end:
                flags = container[p]
                p += 1
                for bit in range(8):
                    if p >= chunk_end:
                        break
                    if not (flags >> bit) & 1:
                        out.append(container[p])
                        p += 1
                        literals += 1
                        continue
                    if p + 2 > chunk_end:
                        raise OvbaError(f"truncated copy token at offset {p}")
                    (token,) = struct.unpack_from("<H", container, p)
                    p += 2
                    copies += 1
                    bit_count, length_mask, _ = _copy_token_help(len(out) - chunk_start_out)
                    length = (token & length_mask) + 3
                    offset = (token >> (16 - bit_count)) + 1
                    source = len(out) - offset
                    if source < chunk_start_out:
                        raise OvbaError(f"copy token at offset {p - 2} reaches before its chunk")
                    for i in range(length):  # may overlap its own output
                        out.append(out[source + i])
        infos.append(
            ChunkInfo(
                offset=pos,
                size=chunk_end - pos,
                compressed=compressed,
                literals=literals,
                copy_tokens=copies,
                decompressed_size=len(out) - chunk_start_out,
            )
        )
        pos = chunk_end
    return bytes(out), infos


def decompress(container: bytes) -> bytes:
    """Decompress an [MS-OVBA] CompressedContainer."""
    return _decode(bytes(container))[0]


def chunks(container: bytes) -> list[ChunkInfo]:
    """Describe every chunk of a compressed container (header flag, token counts)."""
    return _decode(bytes(container))[1]


def all_chunks_compressed(container: bytes) -> bool:
    """True if no chunk of the container is a raw (uncompressed) chunk."""
    return all(info.compressed for info in chunks(container))
