from sitrep.batch.plan import plan


def test_files_are_cut_into_shards_of_about_the_target_size_in_sorted_order(tmp_path):
    for name, size in [("b.jsonl", 600), ("a.jsonl", 300), ("c.txt", 300), ("d.html", 2000), ("notes.pdf", 10)]:
        (tmp_path / name).write_bytes(b"x" * size)
    shards, errors = plan([str(tmp_path)], shard_bytes=900)
    assert errors == []
    assert [[f.rsplit("/", 1)[1] for f in shard.files] for shard in shards] == [["a.jsonl", "b.jsonl"], ["c.txt", "d.html"]]
    assert [shard.name for shard in shards] == ["shard-00000", "shard-00001"]


def test_a_larger_file_is_one_shard_and_the_plan_is_the_same_every_time(tmp_path):
    (tmp_path / "big.warc.gz").write_bytes(b"x" * 5000)
    (tmp_path / "small.txt").write_bytes(b"x" * 10)
    first, _ = plan([str(tmp_path)], shard_bytes=1000)
    assert [len(shard.files) for shard in first] == [1, 1]
    assert plan([str(tmp_path)], shard_bytes=1000)[0] == first


def test_inputs_a_batch_cannot_read_again_are_refused(tmp_path):
    shards, errors = plan(["-", "https://example.org/news", str(tmp_path / "missing.txt"), str(tmp_path)], 1000)
    assert shards == []
    assert [error.origin for error in errors] == ["-", "https://example.org/news", str(tmp_path / "missing.txt"), str(tmp_path)]
    assert "files and folders only" in errors[0].reason
    assert errors[2].reason == "no such file or directory"
    assert "no file sitrep reads" in errors[3].reason
