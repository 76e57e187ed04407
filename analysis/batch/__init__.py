"""Running the extraction on a corpus: the result cache, parallel and distributed analysis,
and publishing output folders in one rename."""
