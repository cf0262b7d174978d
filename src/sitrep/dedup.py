"""Near-duplicate detection: MinHash signatures (datasketch) and their LSH band keys.

The band keys are stored beside the documents, so finding candidates is an indexed lookup
in the database, whatever the number of documents, rather than an index held in memory.
"""
import hashlib
import re
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
# Jaccard similarity of word 3-shingles above which two texts are the same story: syndicated
# copies differ in a few edited sentences, a headline and the page furniture around them.
THRESHOLD = 0.7
SHINGLE_WORDS = 3


@cache
def _bands() -> list[tuple[int, int]]:
    """The (start, end) slices of a signature that datasketch picks for THRESHOLD."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return list(lsh.hashranges)


def signature(text: str) -> np.ndarray:
    """The MinHash signature of a text's word shingles."""
    words = re.findall(r"\w+", text.lower())
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    minhash = MinHash(num_perm=NUM_PERM)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash.hashvalues


def band_keys(hashvalues: np.ndarray) -> list[tuple[int, bytes]]:
    """One (band number, key) per LSH band: texts sharing any key are candidates."""
    return [(band, hashlib.blake2b(hashvalues[start:end].astype("<u8").tobytes(), digest_size=12).digest())
            for band, (start, end) in enumerate(_bands())]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def to_bytes(hashvalues: np.ndarray) -> bytes:
    return hashvalues.astype("<u8").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u8").astype(np.uint64)
