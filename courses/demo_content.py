"""Lesson texts for the demo training track, written for this program.

Each course is plain data: the demo seeder (courses/demo.py) turns it into pages. Every
statement of law carries its citation, and each course records the date its law was checked
(`law_as_of`) and who checked it (`law_reviewed_by`, a fictional member of the demo faculty);
the seeder copies both onto every lesson, where the page shows them under the title. The
sources checked for each statement are listed in the README. Where a figure could not be
confirmed from a primary source, or changes every year (fees), the text says where to check
it instead of guessing. A practitioner must still check current statutes, regulations,
precedent and circuit law before relying on any of it.
"""

import datetime

# A question: (prompt, choices, indexes of the correct choices, explanation).

LAW_AS_OF = datetime.date(2026, 12, 2)


def reviewer(name: str, role: str) -> str:
    """The 'reviewed by' line: a demo faculty member, labelled as such (no real person)."""
    return f"{name}, {role} (demo faculty)"


def p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def h2(text: str) -> str:
    return f"<h2>{text}</h2>"


KESG = "Matter of K-E-S-G-, 29 I&amp;N Dec. 145 (BIA 2025)"
SSFM = "Matter of S-S-F-M- (A.G. 2025)"
AB_I = "Matter of A-B-, 27 I&amp;N Dec. 316 (A.G. 2018)"
AB_II = "Matter of A-B-, 28 I&amp;N Dec. 199 (A.G. 2021)"
AB_III = "Matter of A-B-, 28 I&amp;N Dec. 307 (A.G. 2021)"
LEA_II = "Matter of L-E-A-, 27 I&amp;N Dec. 581 (A.G. 2019)"
LEA_III = "Matter of L-E-A-, 28 I&amp;N Dec. 304 (A.G. 2021)"
HR1 = "Pub. L. 119-21 (H.R. 1, signed July 4, 2025)"
HR1_NOTICE = "90 Fed. Reg. 34511 (July 22, 2025)"
HR1_FY2026 = "90 Fed. Reg. 52693 (Nov. 21, 2025)"
FEE_SCHEDULE = "uscis.gov/g-1055"

COURSES = [
    # ------------------------------------------------------------------ asylum
    {
        "slug": "gender-based-asylum",
        "title": "Gender-based asylum: the legal framework",
        "summary": (
            "The elements of asylum, withholding and CAT protection as they apply to survivors of domestic "
            "violence, forced marriage, FGM/C and other gender-based harm, the particular social group after "
            "Matter of K-E-S-G- and Matter of S-S-F-M-, and how to build the record that wins."
        ),
        "objectives": [
            "State each element of asylum and the standard of proof for asylum, withholding and CAT.",
            "Explain which gender-based social groups the Board and immigration judges may no longer recognise, "
            "and which arguments remain.",
            "Prove nexus and the state's inability or unwillingness to protect against a private persecutor.",
            "Assemble declarations, country conditions and expert evidence that corroborate the claim.",
        ],
        "relief_types": ["asylum", "withholding_cat"],
        "ny_category": "app",
        "law_as_of": LAW_AS_OF,
        "law_reviewed_by": reviewer("Marisol Ruiz", "supervising attorney, immigration court practice"),
        # The Board decided K-E-S-G- on July 18, 2025: what was learned before it taught social
        # groups the Board no longer recognises.
        "law_changed_on": datetime.date(2025, 7, 18),
        "law_change_summary": (
            "<p>On July 18, 2025 the Board held in <em>Matter of K-E-S-G-</em> that a particular social group "
            "defined by sex, or by sex and nationality, standing alone, is not cognizable: groups such as "
            "&ldquo;Honduran women&rdquo; are foreclosed before immigration judges and the Board. The Attorney "
            "General then reinstated <em>Matter of A-B-</em> I and II in <em>Matter of S-S-F-M-</em>.</p>"
            "<p>Re-read the lesson on the particular social group: build groups with narrowing characteristics "
            "the record proves, argue the other protected grounds, and preserve the sex-based group for "
            "circuit review where your circuit's law supports it.</p>"
        ),
        "faculty": [
            (
                "Marisol Ruiz",
                "Supervising attorney, immigration court practice",
                "Has represented survivors of gender-based violence before the immigration courts and the BIA for "
                "fifteen years.",
            )
        ],
        "lessons": [
            {
                "slug": "elements-of-asylum",
                "title": "The elements of asylum, withholding and CAT",
                "codes": [6],
                "blocks": [
                    (
                        "text",
                        p(
                            "Asylum under INA § 208 protects a person who meets the refugee definition in INA "
                            "§ 101(a)(42)(A): someone unable or unwilling to return to her country because of "
                            "persecution, or a well-founded fear of persecution, on account of race, religion, "
                            "nationality, membership in a particular social group or political opinion. Gender is "
                            "not itself one of the five grounds, which is why gender-based claims are argued "
                            "through particular social group, political opinion (including feminist or anti-"
                            "patriarchal opinion, actual or imputed) or religion. The next lesson explains why, "
                            "since 2025, the particular social group is the hardest of these routes before the "
                            "immigration courts.",
                            "Break every case into its elements and prove each one separately: (1) harm rising to "
                            "the level of persecution; (2) a protected ground; (3) nexus, meaning the protected "
                            "ground was or will be <em>at least one central reason</em> for the harm (INA "
                            "§ 208(b)(1)(B)(i)); (4) a persecutor who is the government or a private actor the "
                            "government is unable or unwilling to control; and (5) no reasonable internal "
                            "relocation. Then address the bars: the one-year filing deadline (INA § 208(a)(2)(B)), "
                            "firm resettlement, the persecutor bar and the criminal bars (INA § 208(b)(2)). Also "
                            "check whether an entry-based limit applies to the client's date and manner of entry, "
                            "such as the Securing the Border rule (89 Fed. Reg. 81156 (Oct. 7, 2024)), and the "
                            "current state of the litigation over it.",
                            "Past persecution matters. If the client establishes past persecution on account of a "
                            "protected ground, she is presumed to have a well-founded fear of future persecution, "
                            "and the government must show by a preponderance of the evidence a fundamental change "
                            "in circumstances or a reasonable internal relocation (8 C.F.R. § 1208.13(b)(1)(i)–(ii)). "
                            "Even where the presumption is rebutted, asylum may be granted for compelling reasons "
                            "arising out of the severity of the past persecution, or where there is a reasonable "
                            "possibility of other serious harm (8 C.F.R. § 1208.13(b)(1)(iii)).",
                        ),
                    ),
                    (
                        "callout",
                        (
                            "warning",
                            "The one-year deadline",
                            p(
                                "Asylum must be filed within one year of the last arrival (INA § 208(a)(2)(B)) "
                                "unless changed circumstances or extraordinary circumstances excuse the delay "
                                "(INA § 208(a)(2)(D); 8 C.F.R. § 1208.4(a)(4)–(5)). Ongoing abuse, PTSD and the "
                                "abuser's control of documents can be extraordinary circumstances, but the "
                                "application must still be filed within a reasonable period. Calendar it at intake, "
                                "and file a complete I-589: an immigration judge need not consider an incomplete "
                                "application on the merits and may treat it as abandoned once an opportunity to "
                                "cure has been given (Matter of C-A-R-R-, 29 I&amp;N Dec. 13 (BIA 2025))."
                            ),
                        ),
                    ),
                    (
                        "callout",
                        (
                            "warning",
                            "Asylum fees since July 2025",
                            p(
                                f"Asylum applications are no longer free. {HR1}, § 100002, requires a fee from "
                                "every person who files an asylum application, collected by USCIS or by the "
                                "immigration court: at least $100 in fiscal year 2025, adjusted for inflation each "
                                "fiscal year after that. USCIS collects it for Forms I-589 postmarked on or after "
                                "July 22, 2025, and rejects those postmarked on or after August 21, 2025 without it "
                                f"({HR1_NOTICE}); these statutory fees cannot be waived. The same Act added an annual asylum fee ($100 in fiscal year "
                                "2025) for each year an application remains pending; its rollout was challenged in "
                                "Asylum Seeker Advocacy Project v. USCIS (D. Md.), and USCIS published inflation "
                                f"adjustments to these fees effective January 1, 2026 ({HR1_FY2026}). Check the "
                                f"current amounts on the USCIS fee schedule at {FEE_SCHEDULE} (and, for a case in "
                                "immigration court, EOIR's fee instructions) on the day you file."
                            ),
                        ),
                    ),
                    (
                        "text",
                        p(
                            "Always plead withholding of removal and protection under the Convention Against "
                            "Torture in the alternative. Withholding under INA § 241(b)(3) requires the same "
                            "protected ground and nexus, so the particular social group rules in the next lesson "
                            "apply to it too, but a higher standard: it must be more likely than not that the "
                            "client's life or freedom would be threatened (8 C.F.R. § 1208.16(b)). It has no filing "
                            "deadline and is mandatory if proved, but it does not lead to permanent residence or "
                            "allow the client to petition for family.",
                            "CAT protection (8 C.F.R. §§ 1208.16(c)–1208.18) needs no protected ground at all. The "
                            "client must show it is more likely than not that she would be tortured, and torture "
                            "must be inflicted by, at the instigation of, or with the consent or acquiescence of a "
                            "public official (8 C.F.R. § 1208.18(a)(1)). Acquiescence requires that the official, "
                            "before the torture, was aware of it and then breached a legal responsibility to "
                            "intervene (8 C.F.R. § 1208.18(a)(7)); the Board has held that this requires a greater "
                            "degree of government complicity than the 'unable or unwilling to protect' standard "
                            "in asylum (Matter of O-A-R-G-, 29 I&amp;N Dec. 30 (BIA 2025)). Build that record with "
                            "the client's own reports to the police and what officials did with them, and with "
                            "country evidence of official tolerance of the violence; whether willful blindness is "
                            "enough is a question of your circuit's law.",
                        ),
                    ),
                    (
                        "check",
                        [
                            (
                                "After the REAL ID Act, how strong must the link between the protected ground "
                                "and the harm be for asylum?",
                                [
                                    "The protected ground must be the sole reason",
                                    "The protected ground must be at least one central reason",
                                    "Any connection to a protected ground is enough",
                                ],
                                {1},
                                "INA § 208(b)(1)(B)(i) requires that the ground be at least one central reason; "
                                "mixed motives are fine if the ground is not incidental or tangential.",
                            ),
                            (
                                "Which form of protection does not require a protected ground?",
                                ["Asylum", "Withholding of removal", "Protection under the Convention Against Torture"],
                                {2},
                                "CAT turns on the likelihood of torture with official involvement or acquiescence "
                                "(8 C.F.R. § 1208.18(a)(1)), not on why the client would be targeted.",
                            ),
                        ],
                    ),
                ],
            },
            {
                "slug": "particular-social-group-and-nexus",
                "title": "Particular social group and nexus after Matter of K-E-S-G- and Matter of S-S-F-M-",
                "codes": [None],
                "blocks": [
                    (
                        "text",
                        p(
                            "A particular social group must be (1) composed of members who share a common "
                            "immutable characteristic (Matter of Acosta, 19 I&amp;N Dec. 211 (BIA 1985)), (2) "
                            "defined with particularity, and (3) socially distinct within the society in question "
                            "(Matter of M-E-V-G-, 26 I&amp;N Dec. 227 (BIA 2014); Matter of W-G-R-, 26 I&amp;N Dec. "
                            "208 (BIA 2014)). The group cannot be defined by the harm itself: it must exist "
                            "independently of the persecution.",
                            "How the law on gender-based groups got here. Matter of A-R-C-G-, 26 I&amp;N Dec. 388 "
                            '(BIA 2014), recognised "married women in Guatemala who are unable to leave their '
                            f'relationship". The Attorney General overruled it in {AB_I} (A-B- I), which also said '
                            "that claims about domestic or gang violence by private actors generally will not "
                            f"qualify, and {AB_II} (A-B- II) tightened nexus. In 2021 the Attorney General vacated "
                            f"both ({AB_III}, A-B- III) and, in {LEA_III}, vacated {LEA_II} (L-E-A- II), which had "
                            'held that "in the ordinary case, a nuclear family will not, without more," be a '
                            "particular social group (27 I&amp;N Dec. at 589).",
                            f"That 2021 position no longer holds. In July 2025 the Board held in {KESG} that a "
                            "particular social group defined by "
                            "the applicant's sex, or by sex and nationality, standing alone, is overbroad and "
                            "insufficiently particular to be cognizable; it also found a group of Salvadoran women "
                            '"viewed as property" insufficiently particular. Shortly after, the Attorney General, in '
                            f"{SSFM}, vacated A-B- III and reinstated A-B- I and A-B- II, and the Attorney General "
                            "restored L-E-A- II. Immigration judges and the Board are bound by these decisions "
                            "(8 C.F.R. § 1003.10(d)).",
                        ),
                    ),
                    (
                        "text",
                        h2("What is foreclosed before the Board and immigration judges")
                        + ul(
                            'A group defined only by sex, or by sex and nationality ("Honduran women", '
                            f'"Salvadoran women"): not cognizable under {KESG}.',
                            "Matter of A-R-C-G- as precedent: it was overruled by A-B- I, which is again in force, "
                            "so groups defined by inability to leave a relationship must be proved on their own "
                            "record and face the objection that they are defined by the harm.",
                            f"A nuclear family group in the ordinary case, under the restored {LEA_II}.",
                            "The A-B- II nexus test: the protected ground must be a but-for cause of the harm and "
                            "play more than a minor role (28 I&amp;N Dec. at 208).",
                        )
                        + h2("What remains open")
                        + p(
                            "K-E-S-G- decides only that sex, alone or with nationality, is not enough. It leaves "
                            "room for groups with further narrowing characteristics that are themselves immutable, "
                            "particular and socially distinct, proved with evidence of how the society sees them; "
                            "it says its holding does not affect claims based on female genital mutilation, "
                            "distinguishing Hassan v. Gonzales, 484 F.3d 513 (8th Cir. 2007); and it did not decide "
                            "nexus, the unable-or-unwilling element or internal relocation.",
                            "Other protected grounds remain: political opinion, including an anti-patriarchal or "
                            "feminist opinion the persecutor imputes to a woman who resists (Hernandez-Chacon v. "
                            "Barr, 948 F.3d 94 (2d Cir. 2020); Rodriguez Tornes v. Garland, 993 F.3d 743 (9th Cir. "
                            "2021)), and religion where the facts support it. Protection under the Convention "
                            "Against Torture needs no protected ground and is untouched by K-E-S-G-; withholding of "
                            "removal, by contrast, uses the same social group analysis.",
                            "Circuit law matters for the petition for review. Courts of appeals have their own "
                            "social group precedents, for example De Pena-Paniagua v. Barr, 957 F.3d 88 (1st Cir. "
                            "2020) (rejecting a categorical bar on groups defined by inability to leave a "
                            "relationship) and Perdomo v. Holder, 611 F.3d 662 (9th Cir. 2010), which K-E-S-G- "
                            "distinguished. An immigration judge must still follow the Board, so plead the "
                            "sex-based group expressly to preserve it, and win the case on the other grounds if "
                            "you can.",
                        ),
                    ),
                    (
                        "callout",
                        (
                            "practice",
                            "Framing the group now",
                            p(
                                'Do not rely on "Honduran women" or a similar sex-and-nationality group: after '
                                f"{KESG} it fails before the immigration judge and the Board, and you plead it only "
                                "to preserve it for the court of appeals, saying so. Offer alternatives with real "
                                "narrowing characteristics tied to evidence of how the society itself sees the group "
                                "(laws, police practice, surveys, expert testimony), plead political opinion and "
                                "religion where the facts fit, and always plead withholding and CAT."
                            ),
                        ),
                    ),
                    (
                        "text",
                        p(
                            "Nexus is proved with the persecutor's words and conduct and with context. Did the "
                            "abuser say that a woman belongs to her husband, that she could not leave, that the "
                            "police would not help a woman? Did the violence escalate when she asserted "
                            "independence? Direct and circumstantial evidence both count, and a persecutor may "
                            "have more than one motive. With A-B- II reinstated, show that the protected ground "
                            "was a but-for cause and more than a minor reason (28 I&amp;N Dec. at 208); the Ninth "
                            "Circuit has called that test substantively the same as its own (Rodriguez Tornes v. "
                            "Garland, 993 F.3d 743, 751 (9th Cir. 2021)).",
                            "For a private persecutor, show that the government is unable or unwilling to "
                            "control him: the client's reports to the police and what happened, protective orders "
                            "that went unenforced, and country evidence of impunity for gender-based violence. Read "
                            "the reinstated A-B- I's discussion of this element and your circuit's standard before "
                            "you build this part. A client's failure to report is not fatal where reporting would "
                            "have been futile or dangerous, but you must explain why with evidence.",
                        ),
                    ),
                    (
                        "check",
                        [
                            (
                                "Which requirements must a particular social group meet under BIA precedent?",
                                [
                                    "Immutability",
                                    "Particularity",
                                    "Social distinction",
                                    "Proof that every member has been harmed",
                                ],
                                {0, 1, 2},
                                "Acosta, M-E-V-G- and W-G-R- set the three requirements; the group must exist "
                                "independently of the harm, so members need not all have been harmed.",
                            ),
                            (
                                "Before an immigration judge, which of these is still open to a survivor of "
                                "gender-based violence after Matter of K-E-S-G-?",
                                [
                                    "A political opinion the persecutor imputed to her",
                                    "Protection under the Convention Against Torture",
                                    'A group defined as "women of her nationality"',
                                ],
                                {0, 1},
                                f"{KESG} forecloses groups defined by sex, or sex and nationality, alone; political "
                                "opinion and CAT are unaffected.",
                            ),
                        ],
                    ),
                ],
            },
            {
                "slug": "building-the-record",
                "title": "Building the record: declaration, corroboration and experts",
                "codes": [1],
                "blocks": [
                    (
                        "text",
                        p(
                            "The client's declaration is the spine of the case. Write it in her words, in "
                            "chronological order, with the sensory details she remembers and honest statements "
                            "about what she does not. Cover each element: who harmed her, what was said, what she "
                            "believes motivated it, what she did to seek protection, and what she fears now. Read "
                            "it back to her in her language and have the interpreter certify the reading.",
                            "Under INA § 208(b)(1)(B)(ii) the judge may require corroboration of otherwise credible "
                            "testimony unless the applicant does not have the evidence and cannot reasonably obtain "
                            "it. Gather medical and police records, messages from the abuser, letters from "
                            "relatives and neighbours with copies of their identity documents, and a psychological "
                            "evaluation documenting trauma symptoms. When a document cannot be obtained, record "
                            "the efforts made and why they failed.",
                            "Country conditions evidence should be specific to the claim: the State Department "
                            "human rights report, UN and NGO reports on femicide and impunity, the text of the "
                            "domestic violence law and evidence that it is not enforced. An expert declaration "
                            "tying those sources to the client's facts is often what persuades the court on social "
                            "distinction and state protection, which after K-E-S-G- carry more weight than ever: "
                            "the evidence must show how the society itself sets the group apart.",
                        ),
                    ),
                    (
                        "callout",
                        (
                            "note",
                            "Credibility",
                            p(
                                "Considering the totality of the circumstances, the judge may base a credibility "
                                "determination on any inconsistency, inaccuracy or falsehood, whether or not it "
                                "goes to the heart of the claim (INA § 208(b)(1)(B)(iii)). Review every prior "
                                "statement — credible fear notes, border records, earlier applications — and "
                                "address discrepancies in the declaration rather than at the hearing."
                            ),
                        ),
                    ),
                ],
            },
        ],
        "final": [
            (
                "A client establishes past persecution on account of a protected ground. What follows?",
                [
                    "She must still prove a well-founded fear without any presumption",
                    "She is presumed to have a well-founded fear, and the government may rebut it",
                    "She automatically receives withholding of removal",
                ],
                {1},
                "8 C.F.R. § 1208.13(b)(1) creates a rebuttable presumption of well-founded fear; the government "
                "bears the burden of rebutting it (§ 1208.13(b)(1)(ii)).",
            ),
            (
                "Which 2025 decision reinstated Matter of A-B- I and A-B- II?",
                ["Matter of S-S-F-M- (A.G. 2025)", "Matter of A-B- (A.G. 2021)", "Matter of M-E-V-G-"],
                {0},
                f"{SSFM} vacated {AB_III}, which had vacated A-B- I and A-B- II in 2021.",
            ),
            (
                "Before an immigration judge today, what is the status of a particular social group defined as "
                '"Honduran women"?',
                [
                    "It is cognizable if the applicant is credible",
                    "It is not cognizable before the Board or an immigration judge",
                    "It is cognizable under Matter of A-R-C-G-",
                ],
                {1},
                f"{KESG}: a group defined by sex, or by sex and nationality, standing alone is not cognizable, "
                "and immigration judges are bound (8 C.F.R. § 1003.10(d)). Plead it only to preserve it for the "
                "court of appeals.",
            ),
            (
                "What standard of proof applies to withholding of removal under INA § 241(b)(3)?",
                ["Reasonable possibility", "More likely than not", "Clear and convincing evidence"],
                {1},
                "Withholding requires a clear probability: more likely than not (8 C.F.R. § 1208.16(b)).",
            ),
            (
                "Which are sound ways to show that a government is unable or unwilling to protect against an abuser?",
                [
                    "Police reports that led to no action",
                    "Unenforced protective orders",
                    "Country evidence of impunity for gender-based violence",
                    "The client's preference not to live in the capital",
                ],
                {0, 1, 2},
                "Preference is not evidence of state protection; the other three are.",
            ),
            (
                "What must accompany a Form I-589 filed with USCIS today?",
                [
                    "Nothing: asylum applications are free",
                    "The asylum fee required by Pub. L. 119-21, in the amount on the current USCIS fee schedule",
                    "A fee that can be waived with Form I-912",
                ],
                {1},
                f"{HR1}, § 100002; USCIS rejects I-589s without the fee ({HR1_NOTICE}). The amount is adjusted "
                f"for inflation each fiscal year: check {FEE_SCHEDULE}.",
            ),
        ],
    },
    # ------------------------------------------------------------------ U visa
    {
        "slug": "u-visa",
        "title": "U visas for survivors of crime",
        "summary": (
            "Qualifying criminal activity, substantial abuse, helpfulness and law-enforcement certification: "
            "preparing a complete I-918 package, the waiver, the bona fide determination and the path to a green card."
        ),
        "objectives": [
            "Identify qualifying criminal activity and the four statutory eligibility elements.",
            "Obtain and review a Form I-918 Supplement B certification.",
            "Prepare the I-192 waiver and derivative petitions.",
            "Explain the waiting list, bona fide determination and adjustment under INA § 245(m).",
        ],
        "relief_types": ["u_visa"],
        "ny_category": "app",
        "law_as_of": LAW_AS_OF,
        "law_reviewed_by": reviewer("Karim Haddad", "managing attorney, survivor services"),
        "faculty": [
            (
                "Karim Haddad",
                "Managing attorney, survivor services",
                "Leads the program's crime-victim practice and trains police departments on certification.",
            )
        ],
        "lessons": [
            {
                "slug": "u-visa-eligibility",
                "title": "Who qualifies for a U visa",
                "codes": [4],
                "blocks": [
                    (
                        "text",
                        p(
                            "INA § 101(a)(15)(U) and 8 C.F.R. § 214.14(b) set four elements. The petitioner (1) has "
                            "suffered substantial physical or mental abuse as a result of having been a victim of "
                            "qualifying criminal activity; (2) possesses information about that activity; (3) has "
                            "been, is being or is likely to be helpful to law enforcement in its investigation or "
                            "prosecution; and (4) the activity occurred in the United States or violated U.S. law.",
                            "The list of qualifying criminal activity in INA § 101(a)(15)(U)(iii) includes domestic "
                            "violence, sexual assault, rape, abusive sexual contact, incest, stalking, trafficking, "
                            "kidnapping, felonious assault, extortion, witness tampering, obstruction of justice, "
                            "perjury and fraud in foreign labor contracting, among others, and attempt, conspiracy "
                            "or solicitation to commit any of them, as well as any similar activity. Look at what "
                            "actually happened, not only at the charge: a case charged as a simple assault may "
                            "involve conduct that is a qualifying domestic-violence offense.",
                            "Substantial abuse is judged on the whole record: the nature of the injury, the severity "
                            "of the conduct and of the harm, its duration and any permanent harm, including "
                            "aggravation of pre-existing conditions; a series of acts that are not individually "
                            "substantial can be substantial together (8 C.F.R. § 214.14(b)(1)). Document it with "
                            "the client's declaration, medical and counselling records and statements from people "
                            "who saw the effects.",
                        ),
                    ),
                    (
                        "callout",
                        (
                            "practice",
                            "Indirect victims",
                            p(
                                "A family member can be a victim in her own right only where the direct victim died "
                                "as a result of murder or manslaughter, or is incompetent or incapacitated and so "
                                "cannot provide information or be helpful (8 C.F.R. § 214.14(a)(14)(i)). Then the "
                                "direct victim's spouse and children under 21 qualify and, if the direct victim is "
                                "under 21, also the parents and unmarried siblings under 18; USCIS looks at the "
                                "direct victim's age when the crime occurred. Do not confuse this with qualifying "
                                "family members who follow a principal as derivatives (§ 214.14(a)(10)). A person "
                                "culpable for the crime is never a victim of it (§ 214.14(a)(14)(iii))."
                            ),
                        ),
                    ),
                    (
                        "check",
                        [
                            (
                                "Which of these is NOT one of the four U visa eligibility elements?",
                                [
                                    "Substantial physical or mental abuse",
                                    "Helpfulness to law enforcement",
                                    "A criminal conviction of the perpetrator",
                                    "Possession of information about the crime",
                                ],
                                {2},
                                "No arrest, prosecution or conviction is required; helpfulness is what counts "
                                "(INA § 101(a)(15)(U)(i); 8 C.F.R. § 214.14(b)).",
                            ),
                            (
                                "A 15-year-old is assaulted and recovers fully; she can talk to the police. May "
                                "her mother petition as an indirect victim?",
                                [
                                    "Yes, because the direct victim is a child",
                                    "No: indirect victims qualify only where the direct victim was killed by murder "
                                    "or manslaughter or is incompetent or incapacitated",
                                ],
                                {1},
                                "8 C.F.R. § 214.14(a)(14)(i). The mother may instead be a qualifying family member "
                                "(U-4) if her daughter petitions (§ 214.14(a)(10)).",
                            ),
                        ],
                    ),
                ],
            },
            {
                "slug": "certification-and-filing",
                "title": "Certification, the I-918 package and what comes after",
                "codes": [None],
                "blocks": [
                    (
                        "text",
                        p(
                            "Form I-918 Supplement B is the certification signed by a certifying official of a "
                            "certifying agency: police, prosecutors, judges, child protective services, the EEOC, "
                            "the Department of Labor and other authorities responsible for investigating or "
                            "prosecuting the crime (8 C.F.R. § 214.14(a)(2)–(3)). The statute requires it (INA "
                            "§ 214(p)(1)), and it must have been signed within the six months immediately before "
                            "the petition is filed (8 C.F.R. § 214.14(c)(2)(i)). Agencies decide whether to certify; "
                            "know each local agency's written protocol and contact person.",
                            "A complete package contains Form I-918 with the Supplement B, the client's signed "
                            "statement, evidence of each element, Form I-192 to waive any ground of "
                            "inadmissibility (INA § 212(d)(14); 8 C.F.R. § 214.14(c)(2)(iv)), and Form I-918 "
                            "Supplement A for each qualifying family member. A principal under 21 may include a "
                            "spouse, children, parents and unmarried siblings under 18; a principal 21 or older may "
                            "include a spouse and children (8 C.F.R. § 214.14(a)(10)). The petitioner bears the "
                            "burden but may submit any credible evidence, and USCIS must consider it (INA "
                            "§ 214(p)(4); 8 C.F.R. § 214.14(c)(4)).",
                            "Only 10,000 principals can receive U-1 status each fiscal year (INA § 214(p)(2)), so "
                            "approvable petitions wait for years. Petitioners placed on the waiting list receive "
                            "deferred action or parole and may be given work authorization (8 C.F.R. "
                            "§ 214.14(d)(2)). Since June 14, 2021 USCIS has also made bona fide determinations "
                            "under INA § 214(p)(6), giving deferred action and work authorization to petitioners "
                            "with pending, bona fide petitions before waiting-list review (USCIS Policy Manual, "
                            "vol. 3, pt. C, ch. 5); this is agency policy, so check that it still applies. After "
                            "three years of continuous physical presence since admission in U status, the client "
                            "can apply to adjust under INA § 245(m).",
                        ),
                    ),
                    (
                        "callout",
                        (
                            "warning",
                            "Confidentiality",
                            p(
                                "8 U.S.C. § 1367(a) bars DHS, the Department of Justice and the State Department "
                                "from making an adverse determination of admissibility or deportability using "
                                "information furnished solely by the perpetrator, and from disclosing information "
                                "about a U petitioner to anyone other than their own sworn officers for legitimate "
                                "purposes, subject to the limited exceptions in § 1367(b) (see also 8 C.F.R. "
                                "§ 214.14(e)). Never send anything to the perpetrator's address and mark the file "
                                "so the protections are visible to every adjudicator."
                            ),
                        ),
                    ),
                    (
                        "check",
                        [
                            (
                                "How recent must the Supplement B signature be when the I-918 is filed?",
                                ["Within 30 days", "Within six months", "Within two years"],
                                {1},
                                "8 C.F.R. § 214.14(c)(2)(i): signed within the six months immediately preceding "
                                "the filing.",
                            )
                        ],
                    ),
                ],
            },
        ],
        "final": [
            (
                "How many principal U visas can be issued each fiscal year?",
                ["5,000", "10,000", "There is no cap"],
                {1},
                "INA § 214(p)(2) caps U-1 status at 10,000 per fiscal year; the cap does not apply to family members.",
            ),
            (
                "Which form asks USCIS to waive inadmissibility for a U petitioner?",
                ["Form I-192", "Form I-601A", "Form I-765"],
                {0},
                "The I-192 waiver under INA § 212(d)(14) and 8 C.F.R. § 214.14(c)(2)(iv).",
            ),
            (
                "After how long in U status may a client apply to adjust under INA § 245(m)?",
                ["One year", "Three years of continuous physical presence", "Five years"],
                {1},
                "Three years of continuous physical presence since admission in U status (INA § 245(m)(1)(A)).",
            ),
            (
                "When can a murdered woman's 17-year-old sister be a U visa victim in her own right?",
                [
                    "Never: only the direct victim can petition",
                    "When the direct victim was under 21 at the time of the crime",
                    "Whenever she witnessed any crime",
                ],
                {1},
                "8 C.F.R. § 214.14(a)(14)(i): where the direct victim died of murder or manslaughter and was under "
                "21, her unmarried siblings under 18 are indirect victims.",
            ),
        ],
    },
    # ------------------------------------------------------------------ T visa
    {
        "slug": "t-visa",
        "title": "T visas for survivors of trafficking",
        "summary": (
            "Recognising sex and labor trafficking in survivors of domestic violence, proving the four T visa "
            "elements without a law-enforcement signature, and the road to permanent residence."
        ),
        "objectives": [
            "Screen for sex and labor trafficking, including trafficking by intimate partners.",
            "Prove each T visa element, with or without a law-enforcement declaration.",
            "Explain continued presence, the bona fide determination, derivatives and adjustment under INA § 245(l).",
        ],
        "relief_types": ["t_visa"],
        "ny_category": "app",
        "law_as_of": LAW_AS_OF,
        "law_reviewed_by": reviewer("Josette Pierre", "senior attorney, anti-trafficking project"),
        "faculty": [
            (
                "Josette Pierre",
                "Senior attorney, anti-trafficking project",
                "Represents survivors of labor and sex trafficking and co-chairs a regional anti-trafficking task force.",
            )
        ],
        "lessons": [
            {
                "slug": "recognising-trafficking",
                "title": "Recognising trafficking",
                "codes": [3],
                "blocks": [
                    (
                        "text",
                        p(
                            'A T visa requires a "severe form of trafficking in persons" as defined in the '
                            "Trafficking Victims Protection Act (22 U.S.C. § 7102): sex trafficking in which a "
                            "commercial sex act is induced by force, fraud or coercion, or in which the person is "
                            "under 18; or the recruitment, harbouring, transportation, provision or obtaining of a "
                            "person for labor or services, through force, fraud or coercion, for the purpose of "
                            "involuntary servitude, peonage, debt bondage or slavery.",
                            "Survivors of gender-based violence are often also survivors of trafficking, and they "
                            "rarely use the word. A partner who confiscates a woman's passport and forces her to "
                            "work without pay in his family's business, or who makes her have sex with others for "
                            "money or drugs, may be a trafficker. Coercion includes threats of serious harm, a "
                            "scheme meant to make her believe she or someone else would suffer serious harm, and "
                            "the abuse or threatened abuse of legal process, such as threats of deportation "
                            "(22 U.S.C. § 7102; 8 C.F.R. § 214.201).",
                            "Screen every client with open questions about work, debt, documents and freedom of "
                            "movement: Who held your identity documents? Were you paid? Could you leave the job or "
                            "the house? Did anyone threaten you or your family if you did not keep working?",
                            "Two points are often missed. First, a person under 18 induced to perform a commercial "
                            "sex act is a victim of sex trafficking without any proof of force, fraud or coercion. "
                            'Second, a "commercial sex act" is any sex act on account of which anything of value '
                            "is given to or received by any person (8 C.F.R. § 214.201) — rent, food, drugs or a "
                            "smuggling debt, not "
                            "only cash. A client who was made to have sex with a landlord so the family could stay, "
                            "or with men her partner owed money to, may have a T visa claim alongside her asylum or "
                            "VAWA case. Certification by HHS's Office on Trafficking in Persons opens access to "
                            "federal services for trafficking victims (22 U.S.C. § 7105(b)(1)(E)), but Pub. L. "
                            "119-21 changed eligibility for several federal benefit programs in 2025: check each "
                            "program's current rules before advising.",
                        ),
                    ),
                    (
                        "check",
                        [
                            (
                                "A client's husband took her passport, made her work unpaid in his restaurant and "
                                "threatened to have her deported if she stopped. What should you do?",
                                [
                                    "Treat it only as domestic violence",
                                    "Screen for labor trafficking as well as domestic violence",
                                    "Refer her to an employment lawyer for unpaid wages only",
                                ],
                                {1},
                                "Document confiscation, unpaid labor and threats of deportation are classic "
                                "indicators of labor trafficking by coercion, including abuse of legal process.",
                            )
                        ],
                    ),
                ],
            },
            {
                "slug": "t-visa-elements-and-evidence",
                "title": "The elements, the evidence and the path to a green card",
                "codes": [None],
                "blocks": [
                    (
                        "text",
                        p(
                            "Under INA § 101(a)(15)(T)(i) the applicant must show that she (1) is or was a victim "
                            "of a severe form of trafficking; (2) is physically present in the United States, "
                            "American Samoa, the Northern Mariana Islands or a port of entry on account of the "
                            "trafficking; (3) has complied with any reasonable request for assistance from law "
                            "enforcement in the investigation or prosecution of the trafficking, unless she was "
                            "under 18 or could not cooperate because of physical or psychological trauma; and (4) "
                            "would suffer extreme hardship involving unusual and severe harm if removed.",
                            "Unlike the U visa, the T visa does not require a law-enforcement signature. A "
                            "declaration from a law-enforcement agency is optional evidence, carries no special "
                            "weight and does not lead to automatic approval; the client's detailed personal "
                            "statement and any other credible evidence can establish victimization and "
                            "cooperation (8 C.F.R. § 214.204(c), (e)–(f)). Federal law enforcement can also request "
                            "continued presence, a temporary status that lets a survivor stay and work while an "
                            "investigation goes on (28 C.F.R. § 1100.35). USCIS first reviews whether an "
                            "application is bona fide (8 C.F.R. §§ 214.204(m), 214.205).",
                            "Family members are included with Form I-914 Supplement A. The statute caps T-1 status "
                            "at 5,000 principals a year; the cap does not apply to family members (INA "
                            "§ 214(o)(2)–(3)). After three years in T status, or earlier if the investigation or "
                            "prosecution is complete, the client may apply to adjust under INA § 245(l), showing "
                            "continuous presence, good moral character and continued compliance with reasonable "
                            "requests or an exception.",
                        ),
                    ),
                    (
                        "callout",
                        (
                            "note",
                            "Rules change",
                            p(
                                "DHS rewrote the T visa regulations in a final rule effective August 28, 2024 "
                                "(89 Fed. Reg. 34864 (Apr. 30, 2024)), moving them to 8 C.F.R. part 214, subpart C "
                                "(§§ 214.201 and following), with corrections later. Read the current regulations "
                                "and the USCIS Policy Manual before filing."
                            ),
                        ),
                    ),
                ],
            },
        ],
        "final": [
            (
                "Is a law-enforcement signature required for a T visa?",
                [
                    "Yes, a law-enforcement declaration is mandatory",
                    "No, a law-enforcement declaration is optional evidence",
                    "Only for labor trafficking",
                ],
                {1},
                "8 C.F.R. § 214.204(e): an LEA declaration is optional evidence with no special weight; other "
                "credible evidence can prove the elements.",
            ),
            (
                "Which of these can be coercion for trafficking purposes?",
                ["Threats of serious harm", "Threats of deportation", "Confiscation of identity documents as control"],
                {0, 1, 2},
                "The TVPA definition of coercion reaches threats of serious harm, schemes to make the victim fear "
                "serious harm, and the abuse of legal process (22 U.S.C. § 7102).",
            ),
            (
                "Who is excused from the requirement to comply with reasonable requests from law enforcement?",
                [
                    "Applicants under 18 and those unable to cooperate because of trauma",
                    "Nobody",
                    "Only applicants with a pending asylum case",
                ],
                {0},
                "INA § 101(a)(15)(T)(i)(III)(bb)–(cc) excuses minors and those unable to cooperate due to physical "
                "or psychological trauma.",
            ),
        ],
    },
    # ------------------------------------------------------------------ VAWA
    {
        "slug": "vawa-self-petitions",
        "title": "VAWA self-petitions",
        "summary": (
            "Self-petitioning under the Violence Against Women Act for spouses, children and parents of abusive "
            "U.S. citizens and permanent residents: eligibility, evidence, confidentiality and adjustment."
        ),
        "objectives": [
            "Identify who may self-petition and the qualifying relationship rules, including the two-year rules.",
            "Document battery or extreme cruelty, good-faith marriage, residence and good moral character.",
            "Apply 8 U.S.C. § 1367 protections and plan adjustment of status.",
        ],
        "relief_types": ["vawa", "adjustment"],
        "ny_category": "app",
        "law_as_of": LAW_AS_OF,
        "law_reviewed_by": reviewer("Wei Chen", "staff attorney and mentor"),
        "faculty": [
            (
                "Wei Chen",
                "Staff attorney and mentor",
                "Files VAWA self-petitions and battered-spouse waivers and supervises volunteer attorneys.",
            )
        ],
        "lessons": [
            {
                "slug": "who-can-self-petition",
                "title": "Who can self-petition",
                "codes": [4],
                "blocks": [
                    (
                        "text",
                        p(
                            "VAWA lets a survivor petition for herself on Form I-360, without the abuser's "
                            "knowledge or cooperation. A spouse of an abusive U.S. citizen (INA "
                            "§ 204(a)(1)(A)(iii)) or lawful permanent resident (INA § 204(a)(1)(B)(ii)) may "
                            "self-petition, as may a child of an abusive citizen or resident (INA "
                            "§ 204(a)(1)(A)(iv), (B)(iii)) and a parent abused by a U.S. citizen son or daughter "
                            "(INA § 204(a)(1)(A)(vii)); the parent must qualify as an immediate relative, so the "
                            "son or daughter must be at least 21.",
                            "The self-petitioning spouse must show a qualifying relationship, a marriage entered "
                            "into in good faith, that she resided with the abuser, that she or her child was "
                            "subjected to battery or extreme cruelty by the abuser during the marriage, and good "
                            "moral character. A bigamous marriage the petitioner believed valid can qualify. "
                            "Remarriage before the petition is decided is a ground for denial (8 C.F.R. "
                            "§ 204.2(c)(1)(ii)).",
                            "The two-year rules differ with the abuser's status. Where the abuser is a U.S. "
                            "citizen, a person who was his bona fide spouse within the past two years may still "
                            "self-petition if he died within the past two years, lost or renounced citizenship "
                            "within the past two years in connection with an incident of domestic violence, or the "
                            "marriage was legally ended within the past two years in a way connected to the battery "
                            "or extreme cruelty (INA § 204(a)(1)(A)(iii)(II)(aa)(CC)). Where the abuser is a "
                            "permanent resident, the statute gives two routes only: the spouse lost status within "
                            "the past two years due to an incident of domestic violence, or the marriage was "
                            "legally ended within the past two years with a connection to the battery or extreme "
                            "cruelty (INA § 204(a)(1)(B)(ii)(II)(aa)(CC)). There is no death-of-the-abuser rule for "
                            "spouses of permanent residents; look for other relief.",
                            "Extreme cruelty does not require physical violence. Threats, isolation, economic "
                            "control, forced sexual contact, threats to take the children or to have her deported "
                            "and other forms of coercive control all count, and the pattern matters more than any "
                            "single incident (8 C.F.R. § 204.2(c)(1)(vi)).",
                        ),
                    ),
                    (
                        "check",
                        [
                            (
                                "Which abusers can give rise to a VAWA self-petition by a spouse?",
                                [
                                    "A U.S. citizen spouse",
                                    "A lawful permanent resident spouse",
                                    "An undocumented spouse",
                                ],
                                {0, 1},
                                "The abuser must be a U.S. citizen or lawful permanent resident (or have lost "
                                "that status within the statutory two-year window).",
                            ),
                            (
                                "The client's permanent-resident husband lost his status 18 months ago after a "
                                "domestic violence conviction. Can she still self-petition?",
                                [
                                    "No: he is no longer a permanent resident",
                                    "Yes: within two years of his loss of status due to an incident of domestic "
                                    "violence",
                                ],
                                {1},
                                "INA § 204(a)(1)(B)(ii)(II)(aa)(CC): the spouse lost status within the past two "
                                "years due to an incident of domestic violence.",
                            ),
                        ],
                    ),
                ],
            },
            {
                "slug": "vawa-evidence",
                "title": "Evidence and the declaration",
                "codes": [None],
                "blocks": [
                    (
                        "text",
                        p(
                            "USCIS must consider any credible evidence (INA § 204(a)(1)(J); 8 C.F.R. "
                            "§ 204.2(c)(2)(i)). Police reports and protective orders help but are not required. "
                            "Affidavits from friends, clergy, shelter staff and counsellors, medical records, "
                            "photographs and the abuser's messages can prove the abuse. Joint leases, bank "
                            "statements, photographs over time and the children's birth certificates show a "
                            "good-faith marriage and shared residence (8 C.F.R. § 204.2(c)(2)(iii)–(iv), (vii)).",
                            "Good moral character is usually shown with the client's affidavit and police "
                            "clearances or criminal background checks from every place she lived for six months "
                            "or more in the three years before filing (8 C.F.R. § 204.2(c)(2)(v)). An act or "
                            "conviction that would otherwise bar good moral character does not bar it if it is "
                            "waivable for admissibility or deportability purposes and was connected to the abuse "
                            "(INA § 204(a)(1)(C)); explain the connection carefully.",
                            "The declaration should tell her story in her own words: how they met, why she married, "
                            "how the abuse began and escalated, the worst incidents, how it affected her and the "
                            "children, and why she stayed or left. Avoid conclusions; give the facts that show "
                            "extreme cruelty.",
                            "Expect a request for evidence if the record is thin on any element, and prepare for it "
                            "from the start: keep a checklist that maps each exhibit to the element it proves, "
                            "explain in a cover letter why evidence that seems obvious — a marriage certificate, "
                            "the abuser's naturalization certificate — is missing (the abuser often controls those "
                            "papers), and ask USCIS to search its own records for the abuser's status. USCIS can "
                            "verify the abuser's citizenship or residence from its files when you give his name, "
                            "date of birth and any A-number you know.",
                        ),
                    ),
                    (
                        "callout",
                        (
                            "practice",
                            "Prima facie determination",
                            p(
                                "When a complete self-petition supports every element, USCIS issues a Notice of "
                                "Prima Facie Case, valid until the petition is decided, for purposes of public "
                                "benefits under 8 U.S.C. § 1641 (8 C.F.R. § 204.2(c)(6)). Pub. L. 119-21 changed "
                                "eligibility for several federal benefit programs in 2025, so check each program's "
                                "current rules before telling a client what the notice will open. File the "
                                "petition as complete as possible so the notice comes quickly."
                            ),
                        ),
                    ),
                ],
            },
            {
                "slug": "confidentiality-and-adjustment",
                "title": "Confidentiality (8 U.S.C. § 1367), ethics and adjustment",
                "ethics": True,
                "codes": [2],
                "blocks": [
                    (
                        "text",
                        p(
                            "Section 1367 prohibits DHS, the Department of Justice and the State Department from "
                            "disclosing information about a VAWA, T or U applicant to anyone other than their own "
                            "sworn officers for legitimate purposes, subject to the limited exceptions in "
                            "§ 1367(b), and from making an adverse determination of admissibility or "
                            "deportability using information furnished solely by the abuser or a member of the "
                            "abuser's household (8 U.S.C. § 1367(a)). Abusers commonly call ICE or send USCIS "
                            '"tips" to undercut the petition; the statute was written for exactly that situation.',
                            "Your own obligations run parallel. Under Rule 1.6 you protect everything relating to "
                            "the representation. Use a safe mailing address and phone number the client chooses, "
                            "confirm before leaving messages, never put case details in email subject lines, and "
                            "never contact the abuser. Where the abuser is also a party to a family-court case, "
                            "coordinate with the family lawyer so nothing filed there reveals the immigration case "
                            "without the client's informed consent.",
                            "A self-petitioner married to a U.S. citizen is an immediate relative. INA § 245(a) "
                            "allows adjustment by a person with an approved VAWA self-petition even if she was "
                            "not inspected and admitted or paroled, INA § 212(a)(6)(A)(ii) exempts qualifying "
                            "VAWA self-petitioners from the entry-without-inspection ground, and the public charge "
                            "ground does not apply to them (INA § 212(a)(4)(E)(i)). Spouses of permanent residents "
                            "wait for a visa number in the family second preference (INA § 203(a)(2)(A)).",
                        ),
                    ),
                    (
                        "check",
                        [
                            (
                                "The abuser sends USCIS a letter accusing your client of marriage fraud. What does "
                                "8 U.S.C. § 1367 say?",
                                [
                                    "USCIS may deny on the letter alone",
                                    "USCIS may not make an adverse determination of admissibility or deportability "
                                    "based solely on it",
                                    "USCIS must forward the letter to your client",
                                ],
                                {1},
                                "8 U.S.C. § 1367(a)(1): information furnished solely by the abuser cannot be the "
                                "basis of an adverse determination of admissibility or deportability.",
                            )
                        ],
                    ),
                ],
            },
        ],
        "final": [
            (
                "What evidentiary standard applies to VAWA self-petitions?",
                ["Clear and convincing", "Any credible evidence", "Beyond reasonable doubt"],
                {1},
                "INA § 204(a)(1)(J); 8 C.F.R. § 204.2(c)(2)(i).",
            ),
            (
                "A client divorced her abusive U.S. citizen husband 18 months ago because of the abuse. Can she still "
                "self-petition?",
                ["No, the marriage has ended", "Yes, within two years if the divorce was connected to the abuse"],
                {1},
                "INA § 204(a)(1)(A)(iii)(II)(aa)(CC): legal termination within the past two years connected to the "
                "battery or extreme cruelty.",
            ),
            (
                "The abusive husband was a permanent resident and died a year ago. Does VAWA's two-year rule let "
                "the widow self-petition?",
                [
                    "Yes, the death rule applies to every abuser",
                    "No: the death rule applies only where the abuser was a U.S. citizen",
                ],
                {1},
                "Compare INA § 204(a)(1)(A)(iii)(II)(aa)(CC) (citizen: death within two years) with "
                "§ 204(a)(1)(B)(ii)(II)(aa)(CC) (permanent resident: loss of status due to domestic violence, or "
                "divorce connected to the abuse).",
            ),
            (
                "Which conduct can be extreme cruelty?",
                ["Threats to have her deported", "Economic control and isolation", "Threats to take the children"],
                {0, 1, 2},
                "Extreme cruelty reaches coercive control without physical violence (8 C.F.R. § 204.2(c)(1)(vi)).",
            ),
        ],
    },
    # ------------------------------------------------------------------ SIJS
    {
        "slug": "sijs",
        "title": "Special Immigrant Juvenile Status",
        "summary": (
            "Protection for children abused, neglected or abandoned by a parent: the state-court predicate "
            "order, the I-360 petition and its fee, age-out protection and adjustment."
        ),
        "objectives": [
            "List the findings a juvenile court must make and which state courts can make them.",
            "Prepare the I-360 SIJ petition and respond to USCIS consent review.",
            "Plan adjustment and advise on the long wait for a visa number.",
        ],
        "relief_types": ["sijs"],
        "ny_category": "app",
        "law_as_of": LAW_AS_OF,
        "law_reviewed_by": reviewer("Marisol Ruiz", "supervising attorney, immigration court practice"),
        "faculty": [
            (
                "Marisol Ruiz",
                "Supervising attorney, immigration court practice",
                "Has represented unaccompanied children in family, probate and immigration courts.",
            )
        ],
        "lessons": [
            {
                "slug": "sijs-eligibility",
                "title": "Eligibility and the two-step process",
                "codes": [4],
                "blocks": [
                    (
                        "text",
                        p(
                            "Special Immigrant Juvenile classification (INA § 101(a)(27)(J); 8 C.F.R. § 204.11) "
                            "is a two-step process. First, a juvenile court — a court in the United States with "
                            "jurisdiction under state law to make judicial determinations about the dependency "
                            "and/or custody and care of juveniles (8 C.F.R. § 204.11(a)) — issues an order. Then "
                            "the young person petitions USCIS on Form I-360. She must be under 21 when the petition "
                            "is filed and unmarried when the I-360 is filed and when it is decided (8 C.F.R. "
                            "§ 204.11(b)(1)–(2)).",
                            "The court must (1) declare the child dependent on the court, or place the child in the "
                            "custody of a state agency or of an individual or entity appointed by the court; and "
                            "(2) determine that reunification with one or both parents is not viable because of "
                            "abuse, neglect, abandonment or a similar basis under state law; and (3) a court or "
                            "agency authorised to decide it must determine, in judicial or administrative "
                            "proceedings, that return to the country of nationality or last habitual residence is "
                            "not in the child's best interest (8 C.F.R. § 204.11(c)). The order must rest on state "
                            "law and show its factual basis and the relief the court granted or recognised "
                            "(§ 204.11(d)(5)), and it must generally remain in effect through adjudication "
                            "(§ 204.11(c)(3)(ii)).",
                            "USCIS must consent to the classification. It does so when the request is bona fide: "
                            "a primary reason the court's determinations were sought was to obtain relief from "
                            "parental abuse, neglect, abandonment or a similar basis under state law (8 C.F.R. "
                            "§ 204.11(b)(5)). A child who is or was in federal (HHS/ORR) custody and obtained a "
                            "state-court order altering that custody or placement must show HHS's specific consent "
                            "(INA § 101(a)(27)(J)(iii)(I); 8 C.F.R. § 204.11(d)(6)).",
                        ),
                    ),
                    (
                        "callout",
                        (
                            "warning",
                            "The I-360 fee since July 2025",
                            p(
                                "An SIJ petition is no longer free. Pub. L. 119-21 requires a fee from anyone "
                                "applying for SIJ status: at least $250 in fiscal year 2025, adjusted for "
                                "inflation each fiscal year (8 U.S.C. § 1805). USCIS collects it on SIJ I-360s "
                                f"postmarked on or after July 22, 2025 and does not waive it ({HR1_NOTICE}); it "
                                f"published inflation adjustments to these fees effective January 1, 2026 "
                                f"({HR1_FY2026}). Check the current amount at {FEE_SCHEDULE} before filing, and "
                                "plan with the client or guardian how it will be paid."
                            ),
                        ),
                    ),
                    (
                        "check",
                        [
                            (
                                "Reunification must be not viable with:",
                                ["Both parents", "One or both parents", "Any relative"],
                                {1},
                                "INA § 101(a)(27)(J)(i) refers to one or both parents; a child living with one "
                                "safe parent can qualify.",
                            ),
                            (
                                "When must an SIJ petitioner be unmarried?",
                                [
                                    "Only when the I-360 is filed",
                                    "When the I-360 is filed and when it is decided",
                                    "Until she becomes a permanent resident",
                                ],
                                {1},
                                "8 C.F.R. § 204.11(b)(2): unmarried at the time of filing and adjudication.",
                            ),
                        ],
                    ),
                ],
            },
            {
                "slug": "state-court-and-adjustment",
                "title": "Working in state court, age-out and adjustment",
                "codes": [None],
                "blocks": [
                    (
                        "text",
                        p(
                            "Which court and which proceeding depend on the state: guardianship, custody, "
                            "dependency, delinquency or adoption can all produce a predicate order. Age limits "
                            "differ from state to state, and in many states a court's power over custody ends at "
                            "18. Several states let their courts act for young people aged 18 to 20: New York's "
                            "Family Court can appoint a guardian for a person under 21 who consents (N.Y. Family "
                            "Court Act § 661(a)); California Probate Code § 1510.1 allows a guardianship of an "
                            "unmarried 18-to-20-year-old who consents, in connection with a petition for the SIJ "
                            "findings; and Massachusetts courts make special findings for any unmarried person "
                            "under 21 (Mass. Gen. Laws ch. 119, § 39M; see Recinos v. Escobar, 473 Mass. 734 "
                            "(2016)). Research your own state's law, start early and never let a client's 18th "
                            "birthday pass unnoticed.",
                            "Federal law protects a young person from aging out once the I-360 is filed: she must "
                            "be under 21 on the filing date (8 C.F.R. § 204.11(b)(1)), and an order that ended "
                            "only because of her age still counts if she filed before 21 (§ 204.11(c)(3)(ii)(B)). "
                            "She must be unmarried when the I-360 is filed and when it is decided (§ 204.11(b)(2)). "
                            "After approval, the regulation revokes the approval automatically only if a court "
                            "reunifies her with a parent it had found she could not reunify with, or finds that "
                            "return is in her best interest, before the adjustment decision is final "
                            "(§ 204.11(j)(1)).",
                            "An approved SIJ petitioner is treated as paroled for adjustment (INA § 245(h)(1)), and "
                            "several inadmissibility grounds do not apply or can be waived (INA § 245(h)(2)). "
                            "Because SIJ is an employment-based fourth preference category (INA § 203(b)(4)), "
                            "clients from countries with long backlogs wait years for a visa number; check the Visa "
                            "Bulletin and the current USCIS policy on deferred action and employment authorization, "
                            "which has changed. Remind clients that the natural or prior adoptive parents of a "
                            "person granted SIJ classification can never gain any immigration right, privilege or "
                            "status through that parentage (INA § 101(a)(27)(J)(iii)(II); 8 C.F.R. § 204.11(i)).",
                        ),
                    ),
                    (
                        "callout",
                        (
                            "warning",
                            "Marriage before the I-360 is decided ends eligibility",
                            p(
                                "A petitioner who marries before USCIS decides the I-360 is no longer eligible "
                                "(8 C.F.R. § 204.11(b)(2)). Explain this in the client's language and in writing "
                                "at intake and again while the petition is pending. Before advising a client who "
                                "plans to marry after approval, check the current adjustment rules and USCIS Policy "
                                "Manual, vol. 7, pt. F, ch. 7, and how marriage affects any family members' cases."
                            ),
                        ),
                    ),
                ],
            },
        ],
        "final": [
            (
                "Which findings must the juvenile court order contain?",
                [
                    "Dependency or custody placement",
                    "Reunification with one or both parents not viable due to abuse, neglect or abandonment",
                    "Return to the home country not in the child's best interest",
                    "That the child speaks English",
                ],
                {0, 1, 2},
                "The predicate determinations of 8 C.F.R. § 204.11(c); the best-interest determination may also "
                "be made in administrative proceedings.",
            ),
            (
                "A young person files the I-360 at 20 and turns 21 while it is pending. What happens?",
                ["It is denied for age", "Age-out protection preserves eligibility"],
                {1},
                "She must only be under 21 when the petition is filed (8 C.F.R. § 204.11(b)(1)).",
            ),
            (
                "A 19-year-old SIJ petitioner marries while her I-360 is pending. What is the effect?",
                [
                    "None, if she was unmarried when she filed",
                    "She is no longer eligible: she must be unmarried when the I-360 is decided",
                ],
                {1},
                "8 C.F.R. § 204.11(b)(2): unmarried at the time of filing and adjudication.",
            ),
            (
                "May a SIJ-based permanent resident later petition for her natural parents?",
                ["Yes", "No"],
                {1},
                "INA § 101(a)(27)(J)(iii)(II); 8 C.F.R. § 204.11(i).",
            ),
        ],
    },
    # ------------------------------------------------------------------ trauma-informed
    {
        "slug": "trauma-informed-interviewing",
        "title": "Trauma-informed interviewing",
        "summary": (
            "How trauma shapes memory and testimony, how to interview survivors without re-traumatising them, "
            "and how to keep yourself well and ethical while you do it."
        ),
        "objectives": [
            "Explain how trauma affects memory, affect and consistency, and why that matters for credibility.",
            "Plan and run an intake and declaration interview using trauma-informed principles.",
            "Recognise vicarious trauma and meet duties of competence, communication and confidentiality.",
        ],
        "relief_types": ["practice_skills"],
        "ny_category": "skills",
        "law_as_of": LAW_AS_OF,
        "law_reviewed_by": reviewer("Josette Pierre", "senior attorney, anti-trafficking project"),
        "faculty": [
            (
                "Dr. Amara Osei",
                "Clinical psychologist",
                "Conducts forensic psychological evaluations for asylum and VAWA cases and trains legal teams.",
            ),
            (
                "Josette Pierre",
                "Senior attorney, anti-trafficking project",
                "Co-designed the program's interviewing curriculum.",
            ),
        ],
        "lessons": [
            {
                "slug": "trauma-and-memory",
                "title": "How trauma shapes memory and testimony",
                "codes": [2],
                "blocks": [
                    (
                        "text",
                        p(
                            "Traumatic memories are encoded differently from ordinary ones. Under extreme stress "
                            "the brain prioritises survival: people often remember central sensory details — a "
                            "smell, the pattern on a shirt, the words that were shouted — vividly, while "
                            "peripheral details such as dates, the order of events, the number of attackers or the "
                            "colour of a car are lost or fragmented. Repeated abuse blurs into a pattern, and "
                            "survivors may be unable to separate one incident from another.",
                            "Survivors may also present in ways that decision-makers misread: a flat or smiling "
                            "affect while describing rape, long silences, dissociation, or sudden anger. Shame and "
                            "fear lead many to disclose sexual violence late, sometimes only after several "
                            "meetings. None of this indicates fabrication, but an adjudicator who does not "
                            "understand it may see inconsistency and evasiveness.",
                            "Because the REAL ID Act lets an adjudicator, considering the totality of the circumstances, rely on "
                            "any inconsistency (INA § 208(b)(1)(B)(iii)), your job is to "
                            "learn the story fully before anything is filed, identify the gaps and "
                            "inconsistencies, and explain them with evidence — often a psychological evaluation "
                            "that describes the client's symptoms and how they affect recall.",
                            "Prepare the client, too. Explain before the hearing that she may be asked the same "
                            'question several times, that it is acceptable to say "I don\'t remember" or "I am '
                            'not sure of the date", and that guessing is more dangerous than admitting a gap.',
                        ),
                    ),
                    (
                        "check",
                        [
                            (
                                "A client cannot say in which month the worst beating happened but describes the "
                                "room in detail. What is the best reading?",
                                [
                                    "She is probably not telling the truth",
                                    "This is consistent with how traumatic memory is often encoded",
                                    "The date should be guessed so the declaration looks complete",
                                ],
                                {1},
                                "Central sensory details are often preserved while dates are lost; never invent a "
                                "date — anchor it to other events or say it is approximate.",
                            )
                        ],
                    ),
                ],
            },
            {
                "slug": "conducting-the-interview",
                "title": "Conducting the interview",
                "codes": [None],
                "blocks": [
                    (
                        "text",
                        p(
                            "Trauma-informed practice rests on a few principles: safety, trustworthiness and "
                            "transparency, choice, collaboration and empowerment, and attention to culture and "
                            "gender. In practice, start by explaining who you are, what the meeting is for, how "
                            "long it will take, what confidentiality covers and its limits, and that she can take "
                            "a break or stop at any time. Ask whether she prefers a woman interviewer or "
                            "interpreter for some topics.",
                            "Let the client give a free narrative first and save the focused questions for later. "
                            'Avoid "why" questions, which sound like blame ("Why didn\'t you leave?"); ask '
                            '"What made it hard to leave?" Anchor time with life events — a child\'s birth, a '
                            "harvest, a holiday — instead of demanding dates. Tell her before you move to the "
                            "hardest topics, and close each meeting with something grounding and a clear plan for "
                            "the next one.",
                            "Plan several meetings for a declaration. Watch for signs of distress — shallow "
                            "breathing, a fixed stare, losing the thread — and pause; a simple grounding exercise "
                            "such as naming things in the room can help. You are not a therapist: know the "
                            "program's referral list for counselling and crisis services and offer it.",
                            "Finally, record what you learn carefully. Take notes in the client's words, mark what "
                            "is approximate, and never smooth over a gap or an inconsistency to make the story read "
                            "better: the declaration must be hers, and she will be cross-examined on it.",
                        ),
                    ),
                    (
                        "callout",
                        (
                            "practice",
                            "Questions that work",
                            ul(
                                '"Tell me about the first time he hurt you."',
                                '"What happened next?"',
                                '"What do you remember seeing, hearing or smelling?"',
                                '"Was that before or after your daughter was born?"',
                            ),
                        ),
                    ),
                ],
            },
            {
                "slug": "vicarious-trauma-and-ethics",
                "title": "Vicarious trauma and your ethical duties",
                "ethics": True,
                "codes": [2],
                "blocks": [
                    (
                        "text",
                        p(
                            "Listening to accounts of violence, week after week, changes the listener. Vicarious "
                            "trauma shows up as intrusive images, irritability, numbness, cynicism, sleep problems "
                            "or avoiding the file. It is an occupational hazard, not a weakness, and it affects "
                            "the quality of your work. Use the program's mentor check-ins, limit how many intense "
                            "interviews you schedule in a day, and keep a boundary between the case and home.",
                            "The rules of professional conduct frame the work. Competence (Rule 1.1) includes the "
                            "knowledge and preparation that trauma-informed interviewing requires, and the "
                            "program's mentor is part of how a new volunteer becomes competent. Communication "
                            "(Rule 1.4) means explaining the process and options in a way the client understands, "
                            "through a qualified interpreter. Confidentiality (Rule 1.6) is a safety issue when the "
                            "abuser is searching for the client.",
                            "Rule 1.14 applies when a client's capacity to make adequately considered decisions is "
                            "diminished: maintain as normal a client-lawyer relationship as possible and take "
                            "protective action only when necessary. Trauma symptoms alone do not mean diminished "
                            "capacity; respect the client's decisions about what to disclose and when.",
                        ),
                    ),
                    (
                        "check",
                        [
                            (
                                "Which are signs of vicarious trauma in an attorney?",
                                [
                                    "Intrusive images from clients' stories",
                                    "Avoiding a case file",
                                    "Numbness or cynicism",
                                ],
                                {0, 1, 2},
                                "All three are common; talk to your mentor early.",
                            )
                        ],
                    ),
                ],
            },
        ],
        "final": [
            (
                "Which question is most trauma-informed?",
                ["Why didn't you leave him?", "What made it hard to leave?", "Why did you wait so long to report?"],
                {1},
                'Avoid "why" questions that imply blame.',
            ),
            (
                "A client smiles while describing an assault. What does this tell you about her credibility?",
                [
                    "It shows she is not credible",
                    "Nothing by itself; atypical affect is common after trauma",
                ],
                {1},
                "Flat or incongruent affect is a known trauma response.",
            ),
            (
                "Which rule governs clients with diminished capacity?",
                ["Rule 1.1", "Rule 1.6", "Rule 1.14"],
                {2},
                "Rule 1.14.",
            ),
            (
                "Good ways to place an event in time when the client cannot give a date:",
                ["Anchor to a child's birth or a holiday", "Ask what season it was", "Pick a plausible date for her"],
                {0, 1},
                "Never invent a date.",
            ),
        ],
    },
    # ------------------------------------------------------------------ interpreters
    {
        "slug": "working-with-interpreters",
        "title": "Working with interpreters",
        "summary": (
            "Choosing, briefing and working with interpreters — including for Indigenous languages — certified "
            "translations, and the ethics of confidentiality and supervision in an interpreted representation."
        ),
        "objectives": [
            "Choose a qualified, conflict-free interpreter and brief them before the interview.",
            "Run an interpreted interview in the first person, in short segments.",
            "Meet translation requirements and duties under Rules 1.6 and 5.3.",
        ],
        "relief_types": ["practice_skills"],
        "ny_category": "skills",
        "law_as_of": LAW_AS_OF,
        "law_reviewed_by": reviewer("Wei Chen", "staff attorney and mentor"),
        "faculty": [
            (
                "Andrea Xoc",
                "Court-certified interpreter (Spanish, K'iche')",
                "Interprets in immigration court and trains legal teams on Indigenous-language interpretation.",
            )
        ],
        "lessons": [
            {
                "slug": "choosing-and-briefing",
                "title": "Choosing and briefing an interpreter",
                "codes": [2],
                "blocks": [
                    (
                        "text",
                        p(
                            "Confirm the client's best language, not the one on her paperwork. Many Guatemalan "
                            "clients, for example, speak Mam, K'iche', Q'anjob'al or another Mayan language first "
                            "and Spanish only partly; an interview in a second language produces thin and "
                            "inconsistent testimony that will later be used against her. Ask open questions about "
                            "which language she speaks at home and in which she is most comfortable describing "
                            "what happened.",
                            "Use a trained interpreter who is bound by confidentiality. Never use the client's "
                            "children, and avoid relatives and community members, who may be connected to the "
                            "abuser, may judge her, or may themselves be witnesses. Run a conflict check on the "
                            "interpreter's name and ask whether they know the client or her family. Respect a "
                            "preference for a woman interpreter when sexual violence will be discussed.",
                            "Brief the interpreter before the meeting: the purpose, the kind of experiences that "
                            "will come up, specialised terms (asylum, persecution, protective order), and the "
                            "ground rules — interpret everything in the first person, add and omit nothing, and "
                            "signal when a term has no equivalent instead of explaining it. When no interpreter "
                            "exists for a rare language, relay interpretation through a second language is "
                            "possible but slower and riskier; plan extra time and check understanding.",
                        ),
                    ),
                    (
                        "check",
                        [
                            (
                                "Who is the best choice to interpret a declaration interview about sexual violence?",
                                [
                                    "The client's teenage son, who speaks both languages",
                                    "A trained interpreter bound by confidentiality, of the gender the client prefers",
                                    "The client's cousin who lives with the abuser's family",
                                ],
                                {1},
                                "Children, relatives and people connected to the abuser should not interpret.",
                            )
                        ],
                    ),
                ],
            },
            {
                "slug": "interpreted-interviews-translations-ethics",
                "title": "Interpreted interviews, translations and ethics",
                "ethics": True,
                "codes": [None],
                "blocks": [
                    (
                        "text",
                        p(
                            'Sit so that you face the client and speak to her directly ("What happened next?", '
                            'not "Ask her what happened next"). Speak in short segments and plain language, '
                            "without idioms. Expect the interview to take about twice as long. At the end, have the "
                            "interpreter read the declaration back to the client in her language and sign a "
                            "certificate stating that they are competent and that the reading was accurate.",
                            "Every foreign-language document filed with USCIS must be accompanied by a full English "
                            "translation and the translator's certification that it is complete and accurate and "
                            "that the translator is competent to translate (8 C.F.R. § 103.2(b)(3)); the "
                            "immigration court has a parallel rule (8 C.F.R. § 1003.33). Translate the whole "
                            "document, including stamps and handwriting, and keep the original.",
                            "An interpreter working for you is within the circle of confidentiality when they are "
                            "necessary to the representation, but you are responsible for their conduct. Rule 5.3 "
                            "requires reasonable measures to ensure that a nonlawyer assistant's conduct is "
                            "compatible with your obligations: a written confidentiality agreement, instructions "
                            "not to keep notes or copies, and secure handling of recordings and documents. "
                            "Rule 1.6(c) asks for reasonable efforts to prevent unauthorised disclosure — so no "
                            "case details in personal messaging apps.",
                        ),
                    ),
                    (
                        "callout",
                        (
                            "note",
                            "In court",
                            p(
                                "The immigration court provides the interpreter at hearings. Ask for the client's "
                                "best language early, confirm it at every master calendar hearing, and object on "
                                "the record if interpretation problems arise — a record of misinterpretation is "
                                "hard to build later."
                            ),
                        ),
                    ),
                ],
            },
        ],
        "final": [
            (
                "What must accompany a foreign-language document filed with USCIS?",
                [
                    "A summary in English",
                    "A full English translation with the translator's certification of competence and accuracy",
                    "Nothing if the officer speaks the language",
                ],
                {1},
                "8 C.F.R. § 103.2(b)(3).",
            ),
            (
                "Which rule addresses your responsibility for an interpreter's conduct?",
                ["Rule 5.3", "Rule 3.3", "Rule 7.1"],
                {0},
                "Rule 5.3: responsibilities regarding nonlawyer assistance.",
            ),
            (
                "How should you address the client in an interpreted interview?",
                ["Directly, in the second person", "Through the interpreter in the third person"],
                {0},
                "Speak to the client, not to the interpreter.",
            ),
        ],
    },
]
