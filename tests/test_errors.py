import pickle

from sitrep.errors import InputError


def test_input_error_survives_the_trip_from_a_worker_process():
    error = pickle.loads(pickle.dumps(InputError("feed.xml#3", "feed entry has no content")))
    assert (error.origin, error.reason, str(error)) == ("feed.xml#3", "feed entry has no content",
                                                       "feed.xml#3: feed entry has no content")
