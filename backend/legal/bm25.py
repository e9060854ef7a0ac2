"""Okapi BM25 with field weights (BM25F), small and ours.

For a query q and a document d made of fields f (text, title …):

    tf'(t, d) = Σ_f  w_f · tf_f(t, d) / (1 − b_f + b_f · len_f(d) / avglen_f)
    idf(t)    = ln(1 + (N − n_t + 0.5) / (n_t + 0.5))
    score(d)  = Σ_{t ∈ q}  idf(t) · tf'(t, d) · (k1 + 1) / (tf'(t, d) + k1)

N is the number of documents, n_t the number holding t in any field; each distinct query term
counts once. With a single field of weight 1 this is the textbook Okapi BM25 (Robertson et al.);
the idf is the non-negative variant, so a term found in every document adds nearly nothing instead
of subtracting. Field weights let a short topic field count more than the long article text.
"""

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Document = Mapping[str, Sequence[str]]  # field name → tokens


@dataclass(frozen=True)
class FieldSpec:
    weight: float = 1.0
    b: float = 0.75


class BM25Index:
    def __init__(
        self, documents: Sequence[Document], fields: Mapping[str, FieldSpec], k1: float = 1.2
    ) -> None:
        self.fields, self.k1, self.size = dict(fields), k1, len(documents)
        self.lengths = {f: [len(doc.get(f, ())) for doc in documents] for f in fields}
        self.average = {
            f: (sum(ls) / len(ls) if ls else 0.0) or 1.0 for f, ls in self.lengths.items()
        }
        self.postings: dict[str, dict[int, dict[str, int]]] = defaultdict(dict)
        for index, doc in enumerate(documents):
            for field in fields:
                for token in doc.get(field, ()):
                    counts = self.postings[token].setdefault(index, {})
                    counts[field] = counts.get(field, 0) + 1

    def idf(self, term: str) -> float:
        n = len(self.postings.get(term, ()))
        return math.log(1 + (self.size - n + 0.5) / (n + 0.5))

    def scores(self, query: Sequence[str]) -> list[float]:
        """One score per document, in document order (0 for documents sharing no term)."""
        result = [0.0] * self.size
        for term in set(query):
            postings = self.postings.get(term)
            if not postings:
                continue
            idf = self.idf(term)
            for index, counts in postings.items():
                tf = self._weighted_tf(index, counts)
                result[index] += idf * tf * (self.k1 + 1) / (tf + self.k1)
        return result

    def _weighted_tf(self, index: int, counts: Mapping[str, int]) -> float:
        total = 0.0
        for field, tf in counts.items():
            spec = self.fields[field]
            norm = 1 - spec.b + spec.b * self.lengths[field][index] / self.average[field]
            total += spec.weight * tf / norm
        return total


def okapi_scores(
    query: Sequence[str],
    counts: Sequence[Mapping[str, int]],
    lengths: Sequence[int],
    k1: float = 1.2,
    b: float = 0.75,
) -> list[float]:
    """The same formula for one field over documents given as term counts, without building
    postings: for scoring one query against a candidate set that changes from call to call (the
    work is documents × distinct query terms, not the documents' whole vocabulary)."""
    terms, size = set(query), len(counts)
    average = (sum(lengths) / size if size else 0.0) or 1.0
    matches = [[(t, doc[t]) for t in terms if t in doc] for doc in counts]
    df: dict[str, int] = defaultdict(int)
    for found in matches:
        for term, _ in found:
            df[term] += 1
    idf = {t: math.log(1 + (size - n + 0.5) / (n + 0.5)) for t, n in df.items()}
    result = [0.0] * size
    for index, found in enumerate(matches):
        norm = 1 - b + b * lengths[index] / average
        for term, tf in found:
            result[index] += idf[term] * (tf / norm) * (k1 + 1) / (tf / norm + k1)
    return result
