//! The library's entries: common social media KPIs as formulas over shared input series,
//! each tagged with its factor and AMEC stage, in English and Dutch. Where two entries use the
//! same figure (reach, followers, spend, members, …) they use the same series key.

use crate::i18n::{Text, t};
use crate::model::Aggregation::{Last, Sum};
use crate::model::{Direction, FactorKind, Frequency};

use super::types::{AmecStage, LibraryEntry, SeriesDef};

/// A text that is written the same in both languages: a symbol such as `€`.
const fn same(text: &'static str) -> Text {
    Text { en: text, nl: text }
}

const PERCENT: Text = t("%", "%");

// ---- the input series, shared between entries ----

const REACH: SeriesDef = SeriesDef {
    key: "reach",
    name: t("Reach (people reached)", "Bereik (bereikte personen)"),
    unit: t("people", "personen"),
    aggregation: Sum,
};
const IMPRESSIONS: SeriesDef = SeriesDef {
    key: "impressions",
    name: t("Impressions", "Vertoningen"),
    unit: t("impressions", "vertoningen"),
    aggregation: Sum,
};
const INTERACTIONS: SeriesDef = SeriesDef {
    key: "interactions",
    name: t(
        "Interactions (likes, comments, shares, saves)",
        "Interacties (likes, reacties, delen, bewaren)",
    ),
    unit: t("interactions", "interacties"),
    aggregation: Sum,
};
const FOLLOWERS: SeriesDef = SeriesDef {
    key: "followers",
    name: t("Followers", "Volgers"),
    unit: t("followers", "volgers"),
    aggregation: Last,
};
const CLICKS: SeriesDef = SeriesDef {
    key: "clicks",
    name: t("Link clicks", "Klikken op links"),
    unit: t("clicks", "klikken"),
    aggregation: Sum,
};
const MENTIONS: SeriesDef = SeriesDef {
    key: "mentions",
    name: t("Mentions of our brand", "Vermeldingen van ons merk"),
    unit: t("mentions", "vermeldingen"),
    aggregation: Sum,
};
const COMPETITOR_MENTIONS: SeriesDef = SeriesDef {
    key: "competitor_mentions",
    name: t("Mentions of competitors", "Vermeldingen van concurrenten"),
    unit: t("mentions", "vermeldingen"),
    aggregation: Sum,
};
const POSITIVE_MENTIONS: SeriesDef = SeriesDef {
    key: "positive_mentions",
    name: t(
        "Positive mentions of our brand",
        "Positieve vermeldingen van ons merk",
    ),
    unit: t("mentions", "vermeldingen"),
    aggregation: Sum,
};
const QUESTIONS: SeriesDef = SeriesDef {
    key: "questions",
    name: t(
        "Questions received (webcare)",
        "Binnengekomen vragen (webcare)",
    ),
    unit: t("questions", "vragen"),
    aggregation: Sum,
};
const ANSWERED_QUESTIONS: SeriesDef = SeriesDef {
    key: "answered_questions",
    name: t(
        "Questions answered (webcare)",
        "Beantwoorde vragen (webcare)",
    ),
    unit: t("questions", "vragen"),
    aggregation: Sum,
};
const MEDIAN_RESPONSE_MINUTES: SeriesDef = SeriesDef {
    key: "median_response_minutes",
    name: t(
        "Median response time of the month, from the webcare tool",
        "Mediane reactietijd van de maand, uit de webcaretool",
    ),
    unit: t("minutes", "minuten"),
    aggregation: Last,
};
const SPEND: SeriesDef = SeriesDef {
    key: "spend",
    name: t("Spend", "Uitgaven"),
    unit: same("€"),
    aggregation: Sum,
};
const RESULTS: SeriesDef = SeriesDef {
    key: "results",
    name: t(
        "Results (sign-ups, leads, orders…)",
        "Resultaten (aanmeldingen, leads, bestellingen…)",
    ),
    unit: t("results", "resultaten"),
    aggregation: Sum,
};
const REVENUE: SeriesDef = SeriesDef {
    key: "revenue",
    name: t(
        "Revenue attributed to social media",
        "Omzet toegeschreven aan social media",
    ),
    unit: same("€"),
    aggregation: Sum,
};
const VISITS: SeriesDef = SeriesDef {
    key: "visits",
    name: t(
        "Website visits from social media",
        "Websitebezoeken vanuit social media",
    ),
    unit: t("visits", "bezoeken"),
    aggregation: Sum,
};
const CONVERSIONS: SeriesDef = SeriesDef {
    key: "conversions",
    name: t(
        "Conversions from those visits",
        "Conversies uit die bezoeken",
    ),
    unit: t("conversions", "conversies"),
    aggregation: Sum,
};
const MEMBERS: SeriesDef = SeriesDef {
    key: "members",
    name: t("Members", "Leden"),
    unit: t("members", "leden"),
    aggregation: Last,
};
const ACTIVE_MEMBERS: SeriesDef = SeriesDef {
    key: "active_members",
    name: t(
        "Active members (posted or replied in the last 30 days)",
        "Actieve leden (iets geplaatst of gereageerd in de laatste 30 dagen)",
    ),
    unit: t("members", "leden"),
    aggregation: Last,
};
const MEMBER_CUSTOMERS: SeriesDef = SeriesDef {
    key: "member_customers",
    name: t(
        "Members who are customers (matched with the CRM)",
        "Leden die klant zijn (gekoppeld aan het CRM)",
    ),
    unit: t("members", "leden"),
    aggregation: Last,
};
const PROMOTERS: SeriesDef = SeriesDef {
    key: "promoters",
    name: t(
        "Promoters (answered 9 or 10)",
        "Promotors (antwoord 9 of 10)",
    ),
    unit: t("respondents", "respondenten"),
    aggregation: Sum,
};
const DETRACTORS: SeriesDef = SeriesDef {
    key: "detractors",
    name: t(
        "Detractors (answered 0 to 6)",
        "Criticasters (antwoord 0 tot en met 6)",
    ),
    unit: t("respondents", "respondenten"),
    aggregation: Sum,
};
const RESPONDENTS: SeriesDef = SeriesDef {
    key: "respondents",
    name: t(
        "Respondents (everyone who answered)",
        "Respondenten (iedereen die antwoordde)",
    ),
    unit: t("respondents", "respondenten"),
    aggregation: Sum,
};
const POSTS_PUBLISHED: SeriesDef = SeriesDef {
    key: "posts_published",
    name: t("Posts published", "Gepubliceerde berichten"),
    unit: t("posts", "berichten"),
    aggregation: Sum,
};
const POSTS_PLANNED: SeriesDef = SeriesDef {
    key: "posts_planned",
    name: t(
        "Posts planned in the content calendar",
        "Geplande berichten in de contentkalender",
    ),
    unit: t("posts", "berichten"),
    aggregation: Sum,
};

// ---- the entries, by factor ----

/// Every entry, grouped by factor in the scorecard's factor order.
pub(super) const ENTRIES: &[LibraryEntry] = &[
    // Customers
    LibraryEntry {
        id: "conversion-rate",
        name: t("Conversion rate", "Conversieratio"),
        description: t(
            "The share of website visits from social media that ended in a conversion (a purchase, a sign-up or a request: agree which one counts), in per cent, as web analytics reports them. It tells whether social media brings visitors who act, not just visitors.",
            "Het deel van de websitebezoeken vanuit social media dat eindigde in een conversie (een aankoop, aanmelding of aanvraag: spreek af welke telt), in procenten, zoals de webanalyse ze meet. Het laat zien of social media bezoekers brengen die iets doen, niet alleen bezoekers.",
        ),
        factor: FactorKind::Customers,
        stage: AmecStage::Outcome,
        unit: PERCENT,
        direction: Direction::HigherIsBetter,
        frequency: Frequency::Monthly,
        formula: "conversions / visits * 100",
        series: &[CONVERSIONS, VISITS],
    },
    LibraryEntry {
        id: "net-promoter-score",
        name: t(
            "Net Promoter Score (NPS)",
            "Net Promoter Score (aanbevelingsscore)",
        ),
        description: t(
            "Who would recommend us minus who would not. Of everyone who answered “How likely are you to recommend us?” on a scale of 0 to 10, the per cent answering 9 or 10 minus the per cent answering 0 to 6. It runs from −100 to 100; above 0 there are more promoters than detractors. Enter the three counts of each survey.",
            "Wie ons zou aanbevelen min wie dat niet zou doen. Van iedereen die “Hoe waarschijnlijk is het dat je ons aanbeveelt?” beantwoordde op een schaal van 0 tot 10, het percentage met 9 of 10 min het percentage met 0 tot en met 6. De score loopt van −100 tot 100; boven 0 zijn er meer promotors dan criticasters. Voer per enquête de drie aantallen in.",
        ),
        factor: FactorKind::Customers,
        stage: AmecStage::Outcome,
        unit: t("score (−100 to 100)", "score (−100 tot 100)"),
        direction: Direction::HigherIsBetter,
        frequency: Frequency::Quarterly,
        formula: "(promoters - detractors) / respondents * 100",
        series: &[PROMOTERS, DETRACTORS, RESPONDENTS],
    },
    LibraryEntry {
        id: "members-who-are-customers",
        name: t("Members who are customers", "Leden die klant zijn"),
        description: t(
            "The share of the community's members who are also customers, found by matching the member list with the CRM, in per cent (both counted at the end of the period). It shows whether the community reaches the people the business depends on; a rising share means it helps to keep or win customers.",
            "Het deel van de leden van de community dat ook klant is, gevonden door de ledenlijst aan het CRM te koppelen, in procenten (beide geteld aan het eind van de periode). Het laat zien of de community de mensen bereikt waar het bedrijf van afhangt; een stijgend aandeel betekent dat ze helpt klanten te houden of te winnen.",
        ),
        factor: FactorKind::Customers,
        stage: AmecStage::Impact,
        unit: PERCENT,
        direction: Direction::HigherIsBetter,
        frequency: Frequency::Monthly,
        formula: "member_customers / members * 100",
        series: &[MEMBER_CUSTOMERS, MEMBERS],
    },
    // Financial
    LibraryEntry {
        id: "cost-per-result",
        name: t("Cost per result", "Kosten per resultaat"),
        description: t(
            "What one result cost: the period's spend divided by the results it brought (sign-ups, leads or orders: agree which one counts). Count the same costs every period, for instance the ad budget only, or ads plus hours. Lower is better, as long as the results are real ones.",
            "Wat één resultaat kostte: de uitgaven van de periode gedeeld door de resultaten die ze opleverden (aanmeldingen, leads of bestellingen: spreek af welke telt). Tel elke periode dezelfde kosten mee, bijvoorbeeld alleen het advertentiebudget, of advertenties plus uren. Lager is beter, zolang de resultaten echt zijn.",
        ),
        factor: FactorKind::Financial,
        stage: AmecStage::Outcome,
        unit: t("€ per result", "€ per resultaat"),
        direction: Direction::LowerIsBetter,
        frequency: Frequency::Monthly,
        formula: "spend / results",
        series: &[SPEND, RESULTS],
    },
    LibraryEntry {
        id: "revenue-per-euro-spent",
        name: t("Revenue per euro spent", "Omzet per uitgegeven euro"),
        description: t(
            "The revenue attributed to social media for every euro spent on it. Above 1 the activity brings in more than it costs, before costs such as products and delivery. Write down how revenue is attributed (for instance the last click in web analytics) and keep to it. It counts real revenue, not an advertising value equivalent, which the Barcelona Principles reject.",
            "De omzet die aan social media wordt toegeschreven voor elke euro die eraan is uitgegeven. Boven 1 levert de activiteit meer op dan ze kost, vóór kosten zoals producten en levering. Leg vast hoe omzet wordt toegeschreven (bijvoorbeeld de laatste klik in de webanalyse) en houd je daaraan. Het telt echte omzet, geen advertentiewaarde-equivalent, dat de Barcelona Principles afwijzen.",
        ),
        factor: FactorKind::Financial,
        stage: AmecStage::Impact,
        unit: t("€ revenue per €", "€ omzet per €"),
        direction: Direction::HigherIsBetter,
        frequency: Frequency::Monthly,
        formula: "revenue / spend",
        series: &[REVENUE, SPEND],
    },
    LibraryEntry {
        id: "cost-per-active-member",
        name: t("Cost per active member", "Kosten per actief lid"),
        description: t(
            "What the community costs per active member: the period's spend on it (platform, moderation, content) divided by the members active at the end of the period. It falls when the community grows livelier for the same money.",
            "Wat de community kost per actief lid: de uitgaven eraan in de periode (platform, moderatie, content) gedeeld door het aantal actieve leden aan het eind van de periode. Het daalt als de community voor hetzelfde geld levendiger wordt.",
        ),
        factor: FactorKind::Financial,
        stage: AmecStage::OutTake,
        unit: t("€ per active member", "€ per actief lid"),
        direction: Direction::LowerIsBetter,
        frequency: Frequency::Monthly,
        formula: "spend / active_members",
        series: &[SPEND, ACTIVE_MEMBERS],
    },
    // Organisation
    LibraryEntry {
        id: "response-rate",
        name: t("Response rate (webcare)", "Reactiepercentage (webcare)"),
        description: t(
            "The share of the questions and complaints received through social media that the webcare team answered, in per cent. Count both by the day the question came in, so a question answered the month after still belongs to its own month. Below 100 % people were left without an answer; read it together with the response time.",
            "Het deel van de vragen en klachten via social media dat het webcareteam beantwoordde, in procenten. Tel beide op de dag dat de vraag binnenkwam, zodat een vraag die pas de maand erna beantwoord is bij haar eigen maand hoort. Onder 100 % bleven mensen zonder antwoord; lees het samen met de reactietijd.",
        ),
        factor: FactorKind::Organisation,
        stage: AmecStage::Output,
        unit: PERCENT,
        direction: Direction::HigherIsBetter,
        frequency: Frequency::Monthly,
        formula: "answered_questions / questions * 100",
        series: &[ANSWERED_QUESTIONS, QUESTIONS],
    },
    LibraryEntry {
        id: "median-response-time",
        name: t(
            "Median response time (webcare)",
            "Mediane reactietijd (webcare)",
        ),
        description: t(
            "How long people usually wait for a first answer: half of the questions are answered faster, half slower. The app cannot work out a median from single response times, so the median is computed outside the app, in the webcare or reporting tool, and entered as one figure per month; the KPI shows that figure (of several in one month, the last one). The article's example asks for an answer within 2 hours: 120 minutes.",
            "Hoe lang mensen gewoonlijk op een eerste antwoord wachten: de helft van de vragen wordt sneller beantwoord, de helft langzamer. De app kan geen mediaan berekenen uit losse reactietijden; de mediaan wordt dus buiten de app berekend, in de webcare- of rapportagetool, en als één getal per maand ingevoerd. De KPI toont dat getal (bij meerdere in één maand het laatste). Het voorbeeld uit het artikel vraagt om antwoord binnen 2 uur: 120 minuten.",
        ),
        factor: FactorKind::Organisation,
        stage: AmecStage::Output,
        unit: t("minutes", "minuten"),
        direction: Direction::LowerIsBetter,
        frequency: Frequency::Monthly,
        formula: "median_response_minutes",
        series: &[MEDIAN_RESPONSE_MINUTES],
    },
    LibraryEntry {
        id: "content-calendar-kept",
        name: t("Content calendar kept", "Contentkalender nageleefd"),
        description: t(
            "The share of the posts planned in the content calendar that were actually published, in per cent. It tells whether the team has the time and the approvals it needs; well below 100 % points to too little capacity or slow approval.",
            "Het deel van de berichten uit de contentkalender dat echt gepubliceerd is, in procenten. Het laat zien of het team de tijd en de goedkeuringen heeft die het nodig heeft; ver onder 100 % wijst op te weinig capaciteit of trage goedkeuring.",
        ),
        factor: FactorKind::Organisation,
        stage: AmecStage::Output,
        unit: PERCENT,
        direction: Direction::HigherIsBetter,
        frequency: Frequency::Monthly,
        formula: "posts_published / posts_planned * 100",
        series: &[POSTS_PUBLISHED, POSTS_PLANNED],
    },
    // Medium
    LibraryEntry {
        id: "engagement-rate-by-reach",
        name: t("Engagement rate by reach", "Engagementratio op bereik"),
        description: t(
            "The share of the people reached who interacted: the period's interactions divided by its reach, in per cent. It shows whether content that was seen also moved people to react. Reach is added up over the period, so someone reached on two days counts twice: if the platform gives a reach for the whole month, enter that as one figure. Compare with your own earlier periods rather than with other brands, as platforms count reach differently.",
            "Het deel van de bereikte mensen dat reageerde: de interacties van de periode gedeeld door het bereik, in procenten. Het laat zien of content die gezien werd mensen ook tot reageren bracht. Het bereik wordt over de periode opgeteld, dus wie op twee dagen bereikt werd telt twee keer: geeft het platform een bereik voor de hele maand, voer dat dan als één getal in. Vergelijk met je eigen eerdere periodes en niet met andere merken, want platforms tellen bereik verschillend.",
        ),
        factor: FactorKind::Medium,
        stage: AmecStage::OutTake,
        unit: PERCENT,
        direction: Direction::HigherIsBetter,
        frequency: Frequency::Monthly,
        formula: "interactions / reach * 100",
        series: &[INTERACTIONS, REACH],
    },
    LibraryEntry {
        id: "engagement-rate-by-followers",
        name: t("Engagement rate by followers", "Engagementratio op volgers"),
        description: t(
            "Interactions in the period per 100 followers at the end of the period. Easy to get from any platform and to follow over time, but it can pass 100 % when posts travel beyond the followers. Falling while the followers grow means the audience grows faster than its involvement.",
            "Interacties in de periode per 100 volgers aan het eind van de periode. Uit elk platform te halen en goed te volgen in de tijd, maar het kan boven 100 % komen als berichten verder reiken dan de volgers. Daalt het terwijl het aantal volgers groeit, dan groeit het publiek sneller dan de betrokkenheid.",
        ),
        factor: FactorKind::Medium,
        stage: AmecStage::OutTake,
        unit: PERCENT,
        direction: Direction::HigherIsBetter,
        frequency: Frequency::Monthly,
        formula: "interactions / followers * 100",
        series: &[INTERACTIONS, FOLLOWERS],
    },
    LibraryEntry {
        id: "engagement-rate-by-impressions",
        name: t(
            "Engagement rate by impressions",
            "Engagementratio op vertoningen",
        ),
        description: t(
            "Interactions per 100 times the content was shown. Every showing counts, also a second one to the same person, so the figure is lower than the rate by reach. Useful for paid posts, whose results are reported in impressions.",
            "Interacties per 100 keer dat de content getoond werd. Elke vertoning telt, ook een tweede aan dezelfde persoon, dus het cijfer is lager dan de ratio op bereik. Handig voor betaalde berichten, waarvan de resultaten in vertoningen worden gerapporteerd.",
        ),
        factor: FactorKind::Medium,
        stage: AmecStage::OutTake,
        unit: PERCENT,
        direction: Direction::HigherIsBetter,
        frequency: Frequency::Monthly,
        formula: "interactions / impressions * 100",
        series: &[INTERACTIONS, IMPRESSIONS],
    },
    LibraryEntry {
        id: "follower-growth-rate",
        name: t("Follower growth rate", "Groei van het aantal volgers"),
        description: t(
            "How much the number of followers grew since the period before, in per cent, from the followers at the end of each period. Negative when more people left than joined. The first period has no value: there is nothing to compare it with yet.",
            "Hoeveel het aantal volgers groeide sinds de periode ervoor, in procenten, uitgaande van de volgers aan het eind van elke periode. Negatief als er meer mensen vertrokken dan bijkwamen. De eerste periode heeft geen waarde: er is nog niets om mee te vergelijken.",
        ),
        factor: FactorKind::Medium,
        stage: AmecStage::Output,
        unit: PERCENT,
        direction: Direction::HigherIsBetter,
        frequency: Frequency::Monthly,
        formula: "(followers - prev(followers)) / prev(followers) * 100",
        series: &[FOLLOWERS],
    },
    LibraryEntry {
        id: "reach-per-post",
        name: t("Reach per post", "Bereik per bericht"),
        description: t(
            "The people reached in the period divided by the posts published in it: how far one post travels on average. It rises when posts are shared more or favoured by the platform; fewer but better posts raise it too, so read it beside the number of posts.",
            "Het bereik van de periode gedeeld door het aantal berichten dat erin gepubliceerd is: hoe ver één bericht gemiddeld komt. Het stijgt als berichten meer gedeeld worden of door het platform vaker getoond; minder maar betere berichten verhogen het ook, dus lees het naast het aantal berichten.",
        ),
        factor: FactorKind::Medium,
        stage: AmecStage::Output,
        unit: t("people per post", "personen per bericht"),
        direction: Direction::HigherIsBetter,
        frequency: Frequency::Monthly,
        formula: "reach / posts_published",
        series: &[REACH, POSTS_PUBLISHED],
    },
    LibraryEntry {
        id: "share-of-voice",
        name: t(
            "Share of voice",
            "Aandeel in de conversatie (share of voice)",
        ),
        description: t(
            "Our part of the online conversation in our market: our mentions divided by ours plus those of the competitors we follow, in per cent. Count both the same way, with the same monitoring tool and search terms. It says how visible we are, not whether people speak well of us (for that, see the positive sentiment share).",
            "Ons deel van het online gesprek in onze markt: onze vermeldingen gedeeld door die van ons plus die van de concurrenten die we volgen, in procenten. Tel beide op dezelfde manier, met dezelfde monitoringtool en zoektermen. Het zegt hoe zichtbaar we zijn, niet of men positief over ons praat (zie daarvoor het aandeel positief sentiment).",
        ),
        factor: FactorKind::Medium,
        stage: AmecStage::Output,
        unit: PERCENT,
        direction: Direction::HigherIsBetter,
        frequency: Frequency::Monthly,
        formula: "mentions / (mentions + competitor_mentions) * 100",
        series: &[MENTIONS, COMPETITOR_MENTIONS],
    },
    LibraryEntry {
        id: "click-through-rate",
        name: t("Click-through rate", "Doorklikratio"),
        description: t(
            "Link clicks per 100 impressions: how often seeing a post made someone click through to the website or the offer. Read it per kind of post or campaign; a high rate with few conversions points to a landing page that disappoints.",
            "Klikken op links per 100 vertoningen: hoe vaak het zien van een bericht iemand liet doorklikken naar de website of het aanbod. Lees het per soort bericht of campagne; een hoge ratio met weinig conversies wijst op een landingspagina die tegenvalt.",
        ),
        factor: FactorKind::Medium,
        stage: AmecStage::OutTake,
        unit: PERCENT,
        direction: Direction::HigherIsBetter,
        frequency: Frequency::Monthly,
        formula: "clicks / impressions * 100",
        series: &[CLICKS, IMPRESSIONS],
    },
    LibraryEntry {
        id: "active-members",
        name: t("Active members", "Actieve leden"),
        description: t(
            "The share of the community's members who posted or replied in the last 30 days, in per cent, both counted at the end of the period. Many members with few active ones make a mailing list, not a community.",
            "Het deel van de leden van de community dat in de laatste 30 dagen iets plaatste of reageerde, in procenten, beide geteld aan het eind van de periode. Veel leden met weinig actieve leden maakt een adressenlijst, geen community.",
        ),
        factor: FactorKind::Medium,
        stage: AmecStage::OutTake,
        unit: PERCENT,
        direction: Direction::HigherIsBetter,
        frequency: Frequency::Monthly,
        formula: "active_members / members * 100",
        series: &[ACTIVE_MEMBERS, MEMBERS],
    },
    LibraryEntry {
        id: "positive-sentiment-share",
        name: t("Positive sentiment share", "Aandeel positief sentiment"),
        description: t(
            "The share of all mentions of our brand that are positive, in per cent, as the monitoring tool classifies them. Automatic sentiment often misreads irony and jargon: check a sample by hand now and then, and watch the trend more than the level.",
            "Het deel van alle vermeldingen van ons merk dat positief is, in procenten, zoals de monitoringtool ze indeelt. Automatisch sentiment leest ironie en vakjargon vaak verkeerd: controleer af en toe een steekproef met de hand en let meer op de trend dan op het niveau.",
        ),
        factor: FactorKind::Medium,
        stage: AmecStage::Outcome,
        unit: PERCENT,
        direction: Direction::HigherIsBetter,
        frequency: Frequency::Monthly,
        formula: "positive_mentions / mentions * 100",
        series: &[POSITIVE_MENTIONS, MENTIONS],
    },
];
