import pytest

from sitrep.clean import (clean_text, headline_run_start, is_call_to_action, is_prose, split_lines,
                          strip_outlet_suffix)


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


def test_a_long_first_line_without_a_full_stop_is_the_headline():
    text = ("Rebel coalition agrees to merge its fighters into the national army in a deal with the interim president\n"
            "Border crossings reopen after week of clashes\n\n"
            "The rebel coalition agreed on Monday to fold its units into the national army, officials said.")
    cleaned = clean_text(text)
    assert cleaned.title.startswith("Rebel coalition agrees to merge")
    assert cleaned.text == "The rebel coalition agreed on Monday to fold its units into the national army, officials said."


def test_a_headline_ending_with_a_quotation_mark_is_still_the_headline():
    text = ('Minister vows to keep ports open "whatever it takes"\n\n'
            "The transport minister said on Friday that the ports would stay open despite the strikes.")
    assert clean_text(text).title == 'Minister vows to keep ports open "whatever it takes"'


def test_a_headline_repeated_at_the_top_is_the_title_not_a_caption():
    text = ("Drone strike hits fuel depot near the border\n\nDrone strike hits fuel depot near the border\n\n"
            "A drone hit a fuel depot near the border overnight, the regional governor said on Sunday.")
    cleaned = clean_text(text)
    assert cleaned.title == "Drone strike hits fuel depot near the border"
    assert cleaned.captions == []


@pytest.mark.parametrize("label", ["POLITICS/ ", "WORLD | ", "Defence | "])
def test_a_section_label_before_the_headline_is_dropped(label):
    text = (f"{label}Parliament approves new conscription law\n\n"
            "Lawmakers approved the conscription law on Thursday after a long debate, the speaker said.")
    assert clean_text(text).title == "Parliament approves new conscription law"


def test_a_label_date_glued_to_its_time_gives_published():
    text = ("Parliament approves new conscription law\n\nPOLITICS 14.05.202309:30 3 comments\n\n"
            "Lawmakers approved the conscription law on Thursday after a long debate, the speaker said.")
    cleaned = clean_text(text)
    assert cleaned.published == "2023-05-14"
    assert "14.05.2023" not in cleaned.text


def test_a_dateline_on_its_own_line_gives_published():
    text = ("Shelling damages school in the east\n\nKHARKIV, December 25, 2023\n\n"
            "Shelling damaged a school overnight, the regional governor said on Monday.")
    cleaned = clean_text(text)
    assert cleaned.published == "2023-12-25"
    assert "KHARKIV" not in cleaned.text


def test_a_dateline_opening_the_first_paragraph_gives_published_and_is_cut():
    text = ("Gunmen abduct villagers in the north\n\nReuters\n\n"
            "ABUJA, Nigeria, March 2, 2024 (Reuters) - Gunmen abducted 20 villagers overnight, police said.\n\n"
            "The attack was the third this month, a local official said.")
    cleaned = clean_text(text)
    assert cleaned.published == "2024-03-02"
    assert cleaned.text.startswith("Gunmen abducted 20 villagers overnight, police said.")


def test_an_opening_dateline_without_year_takes_it_from_the_evidence():
    text = ("Navy fires warning shots\n\n"
            "Busan, April 9 (Yonhap) -- The navy fired warning shots at a fishing boat on Tuesday.\n\n"
            "The same boat had crossed the line on April 2, 2024, officials said.")
    assert clean_text(text).published == "2024-04-09"


def test_an_agency_credit_in_parentheses_does_not_make_a_paragraph_a_caption():
    text = ("Navy fires warning shots\n\n"
            "The navy fired warning shots at a fishing boat on Tuesday, officials told reporters (AFP).\n\n"
            "The boat turned back, they said.")
    assert "officials told reporters (AFP)." in clean_text(text).text


_STORY = ("The regional council voted on Tuesday to reopen the river crossing after three weeks of repairs, "
          "and the first lorries are expected to use it on Thursday morning. Engineers replaced two damaged "
          "spans and reinforced the piers that floodwater had undermined in March. The council's transport "
          "chief said the work had cost less than planned and that a second crossing downstream would be "
          "inspected next month, once the water level falls.")


def test_a_flattened_forum_page_loses_its_comment_thread_and_keyword_list():
    page = (_STORY + "  TOPICS: Local; Transport KEYWORDS: bridge; river   1 posted on 03/04/2026 9:12:40 AM PST "
            "by riverwatcher [ Post Reply | Private Reply | View Replies]  To: riverwatcher  \"About time "
            "somebody fixed that bridge, I drive it every day.\"  2 posted on 03/04/2026 9:20:11 AM PST by a_reader")
    cleaned = clean_text(page)
    assert cleaned.text.endswith("once the water level falls.")
    assert "posted on" not in cleaned.text and "About time" not in cleaned.text
    assert any("About time somebody fixed" in r for r in cleaned.removed)


def test_a_comments_widget_after_the_story_is_cut_with_what_follows():
    cleaned = clean_text(_STORY + "\n\nComments can not be loaded\n\nTo load comments you need to enable JavaScript\n\n"
                         "Floods close three schools in the valley")
    assert cleaned.text == _STORY


def test_a_comment_link_above_the_story_cuts_nothing():
    page = "View comments\n\n" + _STORY + "\n\nA second paragraph says the crossing will carry buses from April."
    assert "buses from April" in clean_text(page).text


def test_russian_page_furniture_is_dropped_and_the_article_kept():
    raw = ("Военные сообщили об отражении атаки у Угледара\n"
           "Фото: Иван Петров / ТАСС\n"
           "Военные сообщили, что подразделения отразили атаку у Угледара и уничтожили две бронемашины.\n"
           "Читайте также: Минобороны рассказало о потерях противника\n"
           "Подписывайтесь на наш канал в Telegram, чтобы быть в курсе событий\n"
           "ВКонтакте Одноклассники Telegram\n"
           "Поделиться\n"
           "По данным ведомства, бои в районе продолжаются.")
    cleaned = clean_text(raw)
    assert cleaned.title == "Военные сообщили об отражении атаки у Угледара"
    assert cleaned.text.split("\n\n") == [
        "Военные сообщили, что подразделения отразили атаку у Угледара и уничтожили две бронемашины.",
        "По данным ведомства, бои в районе продолжаются."]


def test_a_russian_sentence_with_a_noise_word_is_prose():
    assert not is_call_to_action("Президент подписал указ о мобилизации, а министр поделился подробностями с журналистами.")
    assert is_call_to_action("Подписывайтесь на наш канал")


def test_a_dateline_without_a_date_is_cut_from_the_first_paragraph():
    cleaned = clean_text("Ministry denies shelling\n\nVOSTREL - The Ministry of Defence of Talmeria on Wednesday "
                         "denied that its forces had shelled the town.\n\nA second paragraph follows here.")
    assert cleaned.text.startswith("The Ministry of Defence of Talmeria on Wednesday denied")
    assert "VOSTREL -" in cleaned.removed


def test_sentences_glued_by_the_scraper_get_their_space_back():
    raw = ("The mayor thanked the rescue teams in a message on Sunday.Hearing the news, residents gathered in the "
           "square. 'We owe them everything,' she wrote on Instagram.'Today we grieve together.' The St.Louis "
           "office and the U.S.Army base stayed closed.")
    text = clean_text(raw, title="Mayor thanks rescuers", published="2024-05-01").text
    assert "on Sunday. Hearing the news" in text
    assert "on Instagram. 'Today we grieve" in text
    assert "St.Louis" in text and "U.S.Army" in text
    closing = clean_text("'We stand with our soldiers,' the captain said on Instagram.'Proud of them,' wrote the "
                         "coach.\"They fought for freedom.\"Fans cheered.", title="Team", published="2024-05-01").text
    assert "on Instagram. 'Proud of them,'" in closing and 'the coach. "They fought for freedom." Fans' in closing


def test_a_page_flattened_to_one_line_is_split_at_its_layout_gaps():
    lines = split_lines("The port reopened on Monday, officials said.                   Most viewed\t\tHow the grain "
                        "deal collapsed   The mayor said the     cranes were working again.")
    assert lines == ["The port reopened on Monday, officials said.", "Most viewed", "How the grain deal collapsed",
                     "The mayor said the     cranes were working again."]


def test_spaces_inside_a_paragraph_are_folded_to_one():
    cleaned = clean_text("Ceasefire talks resume in Geneva\n\nThe envoy arrived\u00a0on Monday and met the\u00a0\u00a0"
                         "delegations    of both sides, the ministry said.", title="Talks")
    assert cleaned.text == "The envoy arrived on Monday and met the delegations of both sides, the ministry said."


def test_an_article_printed_twice_keeps_its_first_copy():
    paragraph = ("The regional governor said the reservoir had fallen to its lowest level in a decade after the "
                 "dam upstream was damaged, and that water for the city of about two hundred thousand people would "
                 "be rationed from Thursday until repairs were finished.")
    cleaned = clean_text(f"Water rationed after dam damage\n\n{paragraph}\n\nA second paragraph of the story, which "
                         f"the page printed once, ends here.\n\n{paragraph}", title="Water")
    assert cleaned.text.count(paragraph) == 1 and cleaned.text.startswith(paragraph)
    assert cleaned.captions == []


def test_a_ticker_a_reading_time_and_a_staff_writer_line_are_neither_headline_nor_body():
    cleaned = clean_text("+ 62.97 + 25.45 -10.00 -271.00 Markets today\n\nTime taken to read : 4 Minute\n\n"
                         "Jane Moss Staff Writer\n\nThe governor of the northern province resigned on Tuesday after "
                         "weeks of protests over the price of bread, officials said.")
    assert cleaned.title is None
    assert cleaned.text.startswith("The governor of the northern province")


def test_a_photo_credited_via_an_image_library_is_a_caption():
    cleaned = clean_text("Protest in the capital\n\nThe president at a rally (Presidential Office via Flickr)\n\n"
                         "Thousands marched through the capital on Sunday, demanding early elections, police said.")
    assert cleaned.captions == ["The president at a rally (Presidential Office via Flickr)"]


def test_a_caption_keeps_its_credit_across_a_layout_gap():
    cleaned = clean_text("Thousands marched through the capital on Sunday, demanding early elections, police said."
                         "   The president at a rally in the capital \t\t | Photo Credit: \t\t JOHN DOE \t\t "
                         "Police said the march ended peacefully in the evening and nobody was detained.")
    assert "Photo Credit" not in cleaned.text and len(cleaned.captions) == 1


LINK_HEADLINES = ("Why the grain corridor got away with a light penalty after the storm Can this port city step out "
                  "of its rival's shadow? For a future, the copper mine is reviving what it junked in the past How "
                  "the border bridge nearly faced a closure and escaped it Stock picks of the week: 5 shipping firms "
                  "with upside potential up to 30% Is the new rail link a boon for farmers? What the drone deal means "
                  "for the northern plants The tariff shock looms, but the bigger worry is losing market share")


def test_a_run_of_link_headlines_after_the_article_is_cut_from_its_line():
    summary = "The port reopened on Monday after a week of shelling. Officials said grain exports would resume."
    line = f"{summary} {LINK_HEADLINES}"
    assert line[:headline_run_start(line)].rstrip() == summary
    assert headline_run_start(LINK_HEADLINES) == 0
    cleaned = clean_text(f"Port reopens\n\n{summary}\n\n{LINK_HEADLINES}")
    assert cleaned.text == summary and LINK_HEADLINES in cleaned.removed


@pytest.mark.parametrize("prose", [
    "In a speech to the regional assembly on Thursday, which was broadcast on state television and repeated on "
    "the radio, the governor, who has led the province since the start of the war, said that the dam, the bridges "
    "and the rail depot would be rebuilt by the end of next year with money from the reconstruction fund, and that "
    "the families who lost their homes would be housed in the city's schools until the spring",
    "So what does it look like? Well, you know, a big part of the report takes seriously the idea that the army "
    "will at some point be able to do what the militia did, and we think that is not going to happen this decade "
    "because the training takes years, right? And the officers who could do it have left the service",
])
def test_long_prose_with_few_full_stops_is_no_run_of_headlines(prose):
    assert headline_run_start(prose) is None


@pytest.mark.parametrize("widget", [
    "To view this video please enable JavaScript, and consider upgrading to a web browser that supports HTML5 video",
    "Comments can not be loaded To load Comments you need to enable JavaScript in your browser",
    "Your browser does not support the video tag.",
    "Get world news sent straight to your phone",
])
def test_a_player_or_comment_box_message_inside_a_paragraph_is_cut_out(widget):
    before = "The ministry said on Friday that the talks in Geneva had gone well."
    after = "However, a former envoy, Anna Petrova, told reporters that the talks had failed."
    cleaned = clean_text(f"Talks end in Geneva\n\n{before} {widget} {after}\n\nThe delegations left on Saturday "
                         "without a joint statement, and no date was set for another round.")
    assert cleaned.text.split("\n\n")[0] == f"{before} {after}"
    assert widget in cleaned.removed


BULLETED_LINKS = ("Region: * Curb smuggling at the northern crossings, governor decrees / Customs to open two new posts "
                  "* Another deputy is ejected as the speaker orders him to leave * Port strike: five dockers to be "
                  "charged, says prosecutor * Use dialogue to settle the border row, says minister")
LINK_BOX = (f"{LINK_HEADLINES} Why the ferry operator is back on the traders' radar Three shipbuilders with strong buy "
            "ratings and an upside potential of up to 25% according to analysts Inside the river port Watch how the "
            "city prepares for the harvest parade How the northern rail link nearly faced a fine Why the grain "
            "exporters should worry about the new corridor What the new tariff means for the port city's shipyards. "
            "Log out of your current account and log in again with your member details to enjoy all member benefits. "
            "Your reason has been reported to the admin. Big price drop! Flat 40% off.")


def test_a_bulleted_list_of_links_flattened_into_a_line_is_cut():
    summary = "The port reopened on Monday after a week of shelling. Officials said grain exports would resume."
    cleaned = clean_text(f"Port reopens\n\n{summary} {BULLETED_LINKS}")
    assert cleaned.text == summary


def test_a_box_of_links_with_a_few_promotional_sentences_among_them_is_cut():
    summary = "The port reopened on Monday after a week of shelling. Officials said grain exports would resume."
    cleaned = clean_text(f"Port reopens\n\n{summary}\n\n{LINK_BOX}")
    assert cleaned.text == summary


@pytest.mark.parametrize("prose", [
    "The European Union expects both sides to act responsibly and engage immediately in the EU-facilitated Dialogue "
    "to find a sustainable solution to the situation in the North that guarantees Safety and Security and "
    "participatory democracy for all citizens and paves the way for the Agreement on the Path to Normalisation and "
    "its Annex. This includes the work to establish the Association of Municipalities without delay.",
    "He played the sidekick to the title heroine in the 1966 spy spoof “Silver Mask” and impressed some critics in "
    "his role as the hateful cavalry officer Frank Troy in John Hale’s “Far From the Quiet Town” in 1967 (Roger "
    "Mills said he was “suitably vile”). The same year he starred in Ken Dole’s “Poor Street,” a darker film.",
    "During the talks various aspects of the relations were discussed and topics of mutual interest were discussed "
    "at length by the two delegations.During the meeting Minister Rana said that Nepal has always attached high "
    "importance to its relations with India and thanked the Government and the people of India for their support "
    "in many fields.On the occasion Minister Rana expressed happiness over the recent visits of the two ministers "
    "and the progress of the Pancheshwor Multi-Purpose Project and the transmission lines across the border.",
])
def test_long_sentences_full_of_names_and_titles_are_no_links(prose):
    assert headline_run_start(prose) is None
    assert clean_text(f"Talks end\n\n{prose}").text.startswith(prose[:40])
