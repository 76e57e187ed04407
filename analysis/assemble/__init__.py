"""After the NLP: the per-document results become the tables (report dating, meetings,
rounds, the comparison with the reference series). Runs after the cache, needs no pipeline."""
