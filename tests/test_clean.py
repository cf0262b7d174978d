from sitrep.clean import clean_text, is_call_to_action, is_prose, split_lines, strip_outlet_suffix


def test_noisy_relay_keeps_the_article_and_drops_the_page(fixtures):
    cleaned = clean_text((fixtures / "noisy-relay.txt").read_text())
    assert cleaned.title == "Analysts say Moscow probably cannot rebuild its artillery stocks before 2026"
    paragraphs = cleaned.text.split("\n\n")
    assert paragraphs == [
        "Russia will probably not be able to rebuild its stocks of artillery barrels before 2026, analysts at a "
        "London-based defence institute said on Friday.",
        "The institute's researchers estimate that Russian plants can refurbish about 1,000 barrels a year, far "
        "fewer than the army wears out.",
        '"The gap is widening every month," the researchers wrote in the report.',
    ]
    for noise in ("Politics", "By Staff Reporter", "22 November, 08:05 PM", "Video of the week",
                  "Support our independent journalism. Make a donation today!",
                  "Join our Telegram channel for breaking updates", "Most read", "Top stories", "Load more"):
        assert noise in cleaned.removed
        assert noise not in cleaned.text


def test_duplicated_caption_is_kept_once_and_removed_twice(fixtures):
    cleaned = clean_text((fixtures / "noisy-relay.txt").read_text())
    caption = "A column of howitzers near Kharkiv, Ukraine, November 20, 2025 (Photo: AFP / Photographer)"
    assert cleaned.captions == [caption]
    assert cleaned.removed.count(caption) == 2


def test_dateline_without_year_takes_the_year_of_the_caption(fixtures):
    cleaned = clean_text((fixtures / "noisy-relay.txt").read_text())
    assert cleaned.published == "2025-11-22"


def test_dateline_without_year_and_without_evidence_gives_no_date():
    cleaned = clean_text("Talks resume in Geneva\n\n3 March, 11:00 AM\n\nDiplomats from both sides met again in Geneva on Monday, officials said.")
    assert cleaned.published is None
    assert "3 March, 11:00 AM" in cleaned.removed


def test_dateline_across_new_year_prefers_the_following_year():
    text = ("Year opens with strikes on the capital\n\n2 January, 09:00 AM\n\n"
            "The strikes began on December 30, 2023 and continued through the holiday, officials said.")
    assert clean_text(text).published == "2024-01-02"


def test_container_dates_are_evidence_for_the_year():
    text = "Ceasefire talks stall\n\n18 June\n\nNegotiators left the venue without a joint statement on Friday."
    assert clean_text(text, evidence_dates=["2022-06-19T04:00:00Z"]).published == "2022-06-18"


def test_metadata_title_and_date_win_and_the_repeated_headline_is_dropped():
    text = "Army chief replaced\n\nThe president replaced the army chief on Thursday, the presidential office said."
    cleaned = clean_text(text, title="Army chief replaced", published="2024-02-08")
    assert cleaned.title == "Army chief replaced"
    assert cleaned.published == "2024-02-08"
    assert cleaned.text == "The president replaced the army chief on Thursday, the presidential office said."


def test_hard_wrapped_paragraphs_are_joined():
    text = ("Border guards report rising crossings\n\n"
            "Border guards in the north reported a sharp rise in attempted crossings on\n"
            "Sunday, a spokesperson said, blaming organised smuggling networks for the\n"
            "increase.\n")
    assert split_lines(text)[1].endswith("networks for the increase.")
    assert "on Sunday, a spokesperson said" in clean_text(text).text


def test_call_to_action_needs_more_than_a_keyword():
    assert is_call_to_action("Subscribe to our newsletter")
    assert is_call_to_action("Help us keep reporting. Donate now!")
    assert not is_call_to_action("Share prices of the defence contractor fell 4% after the announcement.")
    assert not is_call_to_action('"Support us with air defence now," the minister told the summit.')


def test_prose_shape():
    assert is_prose("The ministry declined to comment.")
    assert not is_prose("Show more news")
    assert not is_prose("Ukraine Today")


def test_outlet_suffix_is_stripped_but_a_source_suffix_stays():
    assert strip_outlet_suffix("Poland builds base | Vistula News", "Vistula News") == "Poland builds base"
    assert strip_outlet_suffix("Russia to rely on Belarus – ISW", "Kyiv Daily") == "Russia to rely on Belarus – ISW"
    assert strip_outlet_suffix("Russia to rely on Belarus – ISW", None) == "Russia to rely on Belarus – ISW"


def test_wrapped_paragraph_with_a_sentence_ending_mid_paragraph_stays_whole():
    text = ("Convoy reaches the city\n\n"
            "A humanitarian convoy of 40 trucks reached the besieged city on Monday.\n"
            "Aid workers said the food and medicine would last about two weeks for\n"
            "the remaining residents, according to the regional administration.\n")
    cleaned = clean_text(text)
    assert cleaned.text.startswith("A humanitarian convoy of 40 trucks reached the besieged city on Monday. Aid workers")
    assert cleaned.text.endswith("regional administration.")


def test_repeated_pull_quote_is_not_a_caption():
    quote = '"We will not give up a single village," the commander said.'
    text = f"Commander vows to hold the line\n\n{quote}\n\nFighting continued along the front on Sunday, officials said.\n\n{quote}"
    assert clean_text(text).captions == []


def test_a_wire_photo_caption_ending_on_place_and_date_is_a_caption():
    text = ("Shelling resumes near the front\n\n"
            "Ukrainian servicemen fire a howitzer towards Russian positions near Bakhmut, Ukraine, March 3, 2023.\n\n"
            "Russian forces shelled several villages overnight, regional officials said on Saturday.\n\n"
            "The governor said the attacks had continued since the report published on March 3, 2023.")
    cleaned = clean_text(text)
    assert cleaned.captions == ["Ukrainian servicemen fire a howitzer towards Russian positions near Bakhmut, Ukraine, "
                                "March 3, 2023."]
    assert cleaned.text.endswith("published on March 3, 2023.")
