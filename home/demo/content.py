"""The English source of the demo content. Facts (dates, cities, organisers) are real;
every person here is an invented sample and labelled as such."""

import datetime

CITIES = [
    {
        "key": "paris",
        "name": "Paris",
        "country": "France",
        "time_zone": "Europe/Paris",
        "language": "fr",
    },
    {
        "key": "athens",
        "name": "Athens",
        "country": "Greece",
        "time_zone": "Europe/Athens",
        "language": "el",
    },
    {
        "key": "warsaw",
        "name": "Warsaw",
        "country": "Poland",
        "time_zone": "Europe/Warsaw",
        "language": "pl",
    },
    {
        "key": "madrid",
        "name": "Madrid",
        "country": "Spain",
        "time_zone": "Europe/Madrid",
        "language": "es",
    },
]

PEOPLE = [
    {
        "key": "host",
        "name": "Sample host",
        "profession": "Programme maker (sample profile)",
        "bio": "An invented host who stands in for the real moderators of the series in this demo.",
    },
    {
        "key": "paris",
        "name": "Sample speaker from Paris",
        "profession": "Cultural producer (sample profile)",
        "bio": "An invented guest who represents the Paris cultural scene in this demo.",
    },
    {
        "key": "athens",
        "name": "Sample speaker from Athens",
        "profession": "Community organiser (sample profile)",
        "bio": "An invented guest who represents the Athens cultural scene in this demo.",
    },
    {
        "key": "warsaw",
        "name": "Sample speaker from Warsaw",
        "profession": "Urban researcher (sample profile)",
        "bio": "An invented guest who represents the Warsaw cultural scene in this demo.",
    },
    {
        "key": "madrid",
        "name": "Sample speaker from Madrid",
        "profession": "Architect and curator (sample profile)",
        "bio": "An invented guest who represents the Madrid cultural scene in this demo.",
    },
]

HOME = {
    "intro": "<p>City Makers brings together the people who shape cities through culture: "
    "artists, makers, organisers and researchers from across Europe, live and in conversation.</p>",
}

ORGANISATION_INDEX = {
    "slug": "organisations",
    "title": "Organisations",
    "intro": "<p>The organisations that make City Makers possible.</p>",
}

PEOPLE_INDEX = {
    "slug": "people",
    "title": "People",
    "intro": "<p>The speakers and hosts of the City Makers livecasts. The people shown in the demo "
    "are invented samples.</p>",
}

ORGANISATIONS = [
    {
        "slug": "dutchculture",
        "title": "DutchCulture",
        "website": "https://dutchculture.nl/",
        "description": "DutchCulture is the Dutch centre for international cultural cooperation. "
        "It connects artists and institutions in the Netherlands with partners abroad and "
        "shares knowledge on working across borders.",
        "colour": (196, 61, 38),
    },
    {
        "slug": "pakhuis-de-zwijger",
        "title": "Pakhuis de Zwijger",
        "website": "https://dezwijger.nl/",
        "description": "Pakhuis de Zwijger is an independent platform in Amsterdam for debate "
        "about the city. From a former warehouse on the IJ it hosts programmes and livecasts "
        "on the questions that shape urban life.",
        "colour": (32, 84, 147),
    },
]

SERIES = {
    "slug": "infected-cities",
    "title": "Infected Cities",
    "strap_line": "How urban culture and creativity drive social impact",
    "intro": "<p>A livecast series in which cultural makers from European cities tell how "
    "their work holds communities together, and what other cities can learn from it.</p>",
    "body_heading": "About the series",
    "body_text": "<p>Each edition visits one city and its language. Guests from the local "
    "cultural scene talk with a host in Amsterdam about the projects that make a difference "
    "in their neighbourhoods.</p>",
}

ABOUT = {
    "slug": "about",
    "title": "About City Makers",
    "intro": "<p>City Makers is a programme of DutchCulture and Pakhuis de Zwijger.</p>",
    "body_heading": "Why we make it",
    "body_text": "<p>Cities change fastest where people meet. We invite the makers behind "
    "that change to share what works, in their own words and in their own language.</p>",
    "quote": "Culture is where a city practises living together.",
    "quote_attribution": "Sample host",
}

EPISODES = [
    {
        "number": 11,
        "slug": "paris",
        "city": "paris",
        "date": datetime.date(2020, 12, 10),
        "title": "Infected Cities: Paris",
        "summary": "The first edition of Infected Cities travels to Paris to hear how "
        "cultural venues kept their neighbourhoods connected while their doors were closed.",
        "heading": "Culture behind closed doors",
        "text": "<p>When theatres and clubs closed, many Paris collectives moved into "
        "courtyards, windows and radio waves. This edition asks what stays once the doors "
        "reopen.</p>",
        "quote": "We learnt that a neighbourhood can be a stage.",
        "date_label": "10 December 2020",
        "colour": (116, 47, 98),
    },
    {
        "number": 12,
        "slug": "athens",
        "city": "athens",
        "date": datetime.date(2020, 12, 17),
        "title": "Infected Cities: Athens",
        "summary": "In Athens, grassroots initiatives have long filled the gaps left by "
        "crisis. This edition looks at what the city's cultural makers do for their "
        "communities.",
        "heading": "A city that organises itself",
        "text": "<p>Years of economic crisis taught Athens to rely on self-organised "
        "spaces. Our guests describe how those networks responded once again.</p>",
        "quote": "Solidarity here is not a slogan, it is a daily routine.",
        "date_label": "17 December 2020",
        "colour": (22, 104, 120),
    },
    {
        "number": 13,
        "slug": "warsaw",
        "city": "warsaw",
        "date": datetime.date(2021, 1, 14),
        "title": "Infected Cities: Warsaw",
        "summary": "Warsaw's cultural scene has reinvented public space more than once. "
        "This edition explores how artists and residents claim the city together.",
        "heading": "Public space, shared again",
        "text": "<p>From riverside beaches to courtyard festivals, Warsaw makers have "
        "turned leftover places into meeting places. What does that mean in a year of "
        "distance?</p>",
        "quote": "Every empty square is an invitation.",
        "date_label": "14 January 2021",
        "colour": (150, 40, 45),
    },
    {
        "number": 14,
        "slug": "madrid",
        "city": "madrid",
        "date": datetime.date(2021, 1, 21),
        "title": "Infected Cities: Madrid",
        "summary": "The last edition of this round visits Madrid, where neighbourhood "
        "associations and cultural centres work side by side on the future of the city.",
        "heading": "Neighbours as city makers",
        "text": "<p>Madrid's neighbourhood movements have a long history of shaping their "
        "streets. Our guests show how culture keeps that tradition alive.</p>",
        "quote": "The best plans for a street are made by the people who live on it.",
        "date_label": "21 January 2021",
        "colour": (176, 98, 20),
    },
]

# Labels used in every episode's key facts and body.
FACT_LABELS = {
    "heading": "In short",
    "date": "Date",
    "city": "City",
    "format": "Format",
    "format_value": "Livecast from Amsterdam",
    "image_caption": "An illustration generated for the demo.",
    "image_credit": "City Makers demo",
    "cta_label": "More about the series",
}

# One edition with a recording and chapters, so a newcomer sees chapters working. The recording
# is Blender's openly licensed sample film standing in for a real one; every chapter title says
# it is a sample. (seconds into the recording, title, speaker key or None)
SAMPLE_RECORDING = {
    "episode": "paris",
    "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
    "chapters": [
        (0, "Sample chapter: welcome and introductions", "host"),
        (150, "Sample chapter: courtyards and radio waves", "paris"),
        (400, "Sample chapter: what stays when the doors reopen", "paris"),
        (540, "Sample chapter: questions from the audience", None),
    ],
    # A sample transcript written for the demo: nobody said these words. (seconds, text,
    # speaker key or None)
    "transcript": [
        (0, "This is a sample transcript, written for the demo: nobody said these words.", None),
        (20, "Welcome to this sample edition from Paris, standing in for a real one.", "host"),
        (150, "In our sample story, neighbours met in courtyards and shared a radio.", "paris"),
        (400, "When the doors reopen, I hope the courtyards stay meeting places.", "paris"),
        (540, "Now over to your questions, in this sample as in a real edition.", "host"),
    ],
}
