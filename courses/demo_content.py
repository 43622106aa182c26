"""Lesson texts for the demo training track, written for this program.

Each course is plain data: the demo seeder (courses/demo.py) turns it into pages. The law
is stated as of the time of writing; a practitioner must check current statutes,
regulations, precedent and circuit law before relying on any of it.
"""

# A question: (prompt, choices, indexes of the correct choices, explanation).


def p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def h2(text: str) -> str:
    return f"<h2>{text}</h2>"


COURSES = [
    # ------------------------------------------------------------------ asylum
    {
        "slug": "gender-based-asylum",
        "title": "Gender-based asylum: the legal framework",
        "summary": (
            "The elements of asylum, withholding and CAT protection as they apply to survivors of domestic "
            "violence, forced marriage, FGM/C and other gender-based harm, and how to build the record that wins."
        ),
        "objectives": [
            "State each element of asylum and the standard of proof for asylum, withholding and CAT.",
            "Frame a particular social group that meets immutability, particularity and social distinction.",
            "Prove nexus and the state's inability or unwillingness to protect against a private persecutor.",
            "Assemble declarations, country conditions and expert evidence that corroborate the claim.",
        ],
        "relief_types": ["asylum", "withholding_cat"],
        "minutes": 100,
        "ethics_minutes": 0,
        "ny_category": "app",
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
                "minutes": 35,
                "codes": [20],
                "blocks": [
                    (
                        "text",
                        p(
                            "Asylum under INA § 208 protects a person who meets the refugee definition in INA "
                            "§ 101(a)(42): someone unable or unwilling to return to her country because of "
                            "persecution, or a well-founded fear of persecution, on account of race, religion, "
                            "nationality, membership in a particular social group or political opinion. Gender is "
                            "not itself one of the five grounds, which is why most gender-based claims are argued "
                            "through particular social group, political opinion (including feminist or anti-"
                            "patriarchal opinion, actual or imputed) or religion.",
                            "Break every case into its elements and prove each one separately: (1) harm rising to "
                            "the level of persecution; (2) a protected ground; (3) nexus, meaning the protected "
                            "ground was or will be <em>at least one central reason</em> for the harm (INA "
                            "§ 208(b)(1)(B)(i)); (4) a persecutor who is the government or a private actor the "
                            "government is unable or unwilling to control; and (5) no reasonable internal "
                            "relocation. Then address the bars: the one-year filing deadline, firm resettlement, "
                            "the persecutor bar and the criminal bars.",
                            "Past persecution matters. If the client establishes past persecution on account of a "
                            "protected ground, she is presumed to have a well-founded fear of future persecution, "
                            "and the burden shifts to the government to show a fundamental change in circumstances "
                            "or reasonable relocation (8 C.F.R. § 1208.13(b)(1)). Severe past persecution can also "
                            "support humanitarian asylum even where the presumption is rebutted.",
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
                                "(8 C.F.R. § 1208.4). Ongoing abuse, PTSD and the abuser's control of documents "
                                "can be extraordinary circumstances, but the application must still be filed "
                                "within a reasonable period. Calendar it at intake."
                            ),
                        ),
                    ),
                    (
                        "text",
                        p(
                            "Always plead withholding of removal and protection under the Convention Against "
                            "Torture in the alternative. Withholding under INA § 241(b)(3) requires the same "
                            "protected ground and nexus but a higher standard: it must be more likely than not "
                            "that the client's life or freedom would be threatened. It has no filing deadline and "
                            "is mandatory if proved, but it does not lead to permanent residence or allow the "
                            "client to petition for family.",
                            "CAT protection (8 C.F.R. §§ 1208.16–1208.18) needs no protected ground at all. The "
                            "client must show it is more likely than not that she would be tortured by, or at the "
                            "instigation of, or with the consent or acquiescence of, a public official. Willful "
                            "blindness by police to a known pattern of domestic violence can amount to "
                            "acquiescence; build that record with country evidence and the client's own reports to "
                            "the police.",
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
                                "CAT turns on the likelihood of torture with state involvement or acquiescence, "
                                "not on why the client would be targeted.",
                            ),
                        ],
                    ),
                ],
            },
            {
                "slug": "particular-social-group-and-nexus",
                "title": "Particular social group and nexus after Matter of A-B- III",
                "minutes": 35,
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
                            'Matter of A-R-C-G-, 26 I&amp;N Dec. 388 (BIA 2014), recognised "married women in '
                            'Guatemala who are unable to leave their relationship". The Attorney General overruled '
                            "it in Matter of A-B-, 27 I&amp;N Dec. 316 (A.G. 2018), and then vacated that decision in "
                            "Matter of A-B-, 28 I&amp;N Dec. 307 (A.G. 2021) (A-B- III), restoring the pre-2018 "
                            "framework. Family-based groups followed the same path with Matter of L-E-A- (A.G. 2021). "
                            "The result is case-by-case adjudication under the circuit's own precedent, so research "
                            "the law of the circuit where the case will be heard before you frame the group.",
                        ),
                    ),
                    (
                        "callout",
                        (
                            "practice",
                            "Framing the group",
                            p(
                                "Offer more than one formulation and tie each to evidence: for example, "
                                '"Honduran women", "Honduran women who are viewed as property by virtue of '
                                "their position within a domestic relationship\", and the client's nuclear "
                                "family. Show social distinction with laws, police practice, surveys and expert "
                                "testimony about how the society itself sees the group."
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
                            "have more than one motive. The question is whether the protected ground was one "
                            "central reason, not the only one.",
                            "For a private persecutor, show that the government is unable or unwilling to "
                            "control him: the client's reports to the police and what happened, protective orders "
                            "that went unenforced, and country evidence of impunity for gender-based violence. A "
                            "client's failure to report is not fatal where reporting would have been futile or "
                            "dangerous, but you must explain why with evidence.",
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
                            )
                        ],
                    ),
                ],
            },
            {
                "slug": "building-the-record",
                "title": "Building the record: declaration, corroboration and experts",
                "minutes": 30,
                "codes": [15],
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
                            "distinction and state protection.",
                        ),
                    ),
                    (
                        "callout",
                        (
                            "note",
                            "Credibility",
                            p(
                                "The judge may base an adverse credibility finding on any inconsistency, whether "
                                "or not it goes to the heart of the claim (INA § 208(b)(1)(B)(iii)). Review every "
                                "prior statement — credible fear notes, border records, earlier applications — "
                                "and address discrepancies in the declaration rather than at the hearing."
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
                "8 C.F.R. § 1208.13(b)(1) creates a rebuttable presumption of well-founded fear.",
            ),
            (
                "Which decision restored the pre-2018 framework for domestic-violence-based social groups?",
                ["Matter of Acosta", "Matter of A-B- (A.G. 2021)", "Matter of M-E-V-G-"],
                {1},
                "A-B- III vacated A-B- I and A-B- II.",
            ),
            (
                "What standard of proof applies to withholding of removal under INA § 241(b)(3)?",
                ["Reasonable possibility", "More likely than not", "Clear and convincing evidence"],
                {1},
                "Withholding requires a clear probability: more likely than not.",
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
        "minutes": 75,
        "ethics_minutes": 0,
        "ny_category": "app",
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
                "minutes": 35,
                "codes": [20],
                "blocks": [
                    (
                        "text",
                        p(
                            "INA § 101(a)(15)(U) and 8 C.F.R. § 214.14 set four elements. The petitioner (1) has "
                            "suffered substantial physical or mental abuse as a result of having been a victim of "
                            "qualifying criminal activity; (2) possesses information about that activity; (3) has "
                            "been, is being or is likely to be helpful to law enforcement in its investigation or "
                            "prosecution; and (4) the activity occurred in the United States or violated U.S. law.",
                            "The list of qualifying criminal activity includes domestic violence, sexual assault, "
                            "rape, abusive sexual contact, incest, stalking, trafficking, kidnapping, felonious "
                            "assault, extortion, witness tampering, obstruction of justice and perjury, among "
                            "others, and attempt, conspiracy or solicitation to commit any of them. Look at what "
                            "actually happened, not only at the charge: a case charged as a simple assault may "
                            "involve conduct that is a qualifying domestic-violence offense.",
                            "Substantial abuse is judged on the whole record: the nature of the injury, its "
                            "severity, duration and the aggravation of pre-existing conditions. A series of "
                            "acts that are not individually substantial can be substantial together. Document "
                            "it with the client's declaration, medical and counselling records and statements "
                            "from people who saw the effects.",
                        ),
                    ),
                    (
                        "callout",
                        (
                            "practice",
                            "Indirect victims",
                            p(
                                "Where the direct victim was murdered or is incapacitated, or is a child, family "
                                "members such as the spouse, children under 21 and, for a child victim, parents "
                                "and unmarried siblings under 18 may qualify as indirect victims "
                                "(8 C.F.R. § 214.14(a)(14))."
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
                                "No arrest, prosecution or conviction is required; helpfulness is what counts.",
                            )
                        ],
                    ),
                ],
            },
            {
                "slug": "certification-and-filing",
                "title": "Certification, the I-918 package and what comes after",
                "minutes": 40,
                "codes": [None],
                "blocks": [
                    (
                        "text",
                        p(
                            "Form I-918 Supplement B is the certification signed by a certifying official of a "
                            "certifying agency: police, prosecutors, judges, child and adult protective services, "
                            "the EEOC, the Department of Labor and others with responsibility for investigating "
                            "or prosecuting the crime. USCIS will not approve a petition without it, and it must "
                            "have been signed within the six months before the petition is filed "
                            "(8 C.F.R. § 214.14(c)(2)(i)). Agencies decide whether to certify; know each local "
                            "agency's written protocol and contact person.",
                            "A complete package contains Form I-918 with the Supplement B, the client's personal "
                            "statement, evidence of each element, Form I-192 to waive any ground of "
                            "inadmissibility (INA § 212(d)(14) gives USCIS broad discretion), and Form I-918 "
                            "Supplement A for each qualifying family member. A principal under 21 may include a "
                            "spouse, children, parents and unmarried siblings under 18; a principal 21 or older "
                            "may include a spouse and children. USCIS applies the any credible evidence standard "
                            "(8 C.F.R. § 214.14(c)(4)).",
                            "Only 10,000 principal U visas can be issued each fiscal year, so approvable petitions "
                            "wait for years. USCIS first conducts a bona fide determination: a petitioner whose "
                            "petition is bona fide and who merits a favourable exercise of discretion can receive "
                            "deferred action and an employment authorization document long before a visa number is "
                            "available. After three years of continuous physical presence in U status, the client "
                            "can apply to adjust under INA § 245(m).",
                        ),
                    ),
                    (
                        "callout",
                        (
                            "warning",
                            "Confidentiality",
                            p(
                                "8 U.S.C. § 1367 bars DHS from disclosing information about a U petitioner and "
                                "from making an adverse determination using information furnished solely by the "
                                "abuser. Never send anything to the perpetrator's address and mark the file so the "
                                "protections are visible to every adjudicator."
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
                                "8 C.F.R. § 214.14(c)(2)(i): signed within the six months before filing.",
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
                "INA § 214(p)(2) caps principal U visas at 10,000 per year.",
            ),
            (
                "Which form asks USCIS to waive inadmissibility for a U petitioner?",
                ["Form I-192", "Form I-601A", "Form I-765"],
                {0},
                "The I-192 waiver under INA § 212(d)(14).",
            ),
            (
                "After how long in U status may a client apply to adjust under INA § 245(m)?",
                ["One year", "Three years of continuous physical presence", "Five years"],
                {1},
                "Three years of continuous physical presence since admission in U status.",
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
            "Prove each T visa element, with or without a Supplement B declaration.",
            "Explain continued presence, derivatives and adjustment under INA § 245(l).",
        ],
        "relief_types": ["t_visa"],
        "minutes": 60,
        "ethics_minutes": 0,
        "ny_category": "app",
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
                "minutes": 25,
                "codes": [12],
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
                            "money or drugs, may be a trafficker. Coercion includes threats of serious harm, "
                            "psychological manipulation and threats of deportation — the abuse of legal process.",
                            "Screen every client with open questions about work, debt, documents and freedom of "
                            "movement: Who held your identity documents? Were you paid? Could you leave the job or "
                            "the house? Did anyone threaten you or your family if you did not keep working?",
                            "Two points are often missed. First, a person under 18 induced to perform a commercial "
                            "sex act is a victim of sex trafficking without any proof of force, fraud or coercion. "
                            'Second, "commercial" means anything of value given or received on account of the '
                            "sex act — rent, food, drugs or a smuggling debt, not only cash. A client who was "
                            "made to have sex with a landlord so the family could stay, or with men her partner "
                            "owed money to, may have a T visa claim alongside her asylum or VAWA case. Trafficking "
                            "victims may also be eligible for federal benefits and services once certified by the "
                            "Office on Trafficking in Persons, so identifying trafficking early changes what help "
                            "the client can receive.",
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
                "minutes": 35,
                "codes": [None],
                "blocks": [
                    (
                        "text",
                        p(
                            "Under INA § 101(a)(15)(T) the applicant must show that she (1) is or was a victim of a "
                            "severe form of trafficking; (2) is physically present in the United States, American "
                            "Samoa, the Northern Mariana Islands or a port of entry on account of the trafficking; "
                            "(3) has complied with any reasonable request for assistance from law enforcement, "
                            "unless she was under 18 or could not cooperate because of physical or psychological "
                            "trauma; and (4) would suffer extreme hardship involving unusual and severe harm if "
                            "removed.",
                            "Unlike the U visa, the T visa does not require a law-enforcement signature. Form I-914 "
                            "Supplement B, a declaration by a law-enforcement official, is helpful evidence but "
                            "optional; the client's detailed statement and other credible evidence can establish "
                            "victimization and cooperation. Federal law enforcement can also request continued "
                            "presence, a temporary status that gives a survivor work authorization while an "
                            "investigation goes on.",
                            "Family members are included with Form I-914 Supplement A. The annual cap of 5,000 "
                            "principal T visas has never been reached. After three years in T status, or earlier "
                            "if the investigation or prosecution is complete, the client may apply to adjust under "
                            "INA § 245(l), showing continuous presence, good moral character and continued "
                            "compliance with reasonable requests or an exception.",
                        ),
                    ),
                    (
                        "callout",
                        (
                            "note",
                            "Rules change",
                            p(
                                "DHS revised the T visa regulations in a 2024 final rule, including a bona fide "
                                "determination process. Read the current regulations and the USCIS Policy Manual "
                                "before filing."
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
                    "Yes, Form I-914 Supplement B is mandatory",
                    "No, Supplement B is optional evidence",
                    "Only for labor trafficking",
                ],
                {1},
                "Supplement B is optional; other credible evidence can prove the elements.",
            ),
            (
                "Which of these can be coercion for trafficking purposes?",
                ["Threats of serious harm", "Threats of deportation", "Confiscation of identity documents as control"],
                {0, 1, 2},
                "The TVPA definition of coercion reaches threats of serious harm and the abuse of legal process.",
            ),
            (
                "Who is excused from the requirement to comply with reasonable requests from law enforcement?",
                [
                    "Applicants under 18 and those unable to cooperate because of trauma",
                    "Nobody",
                    "Only applicants with a pending asylum case",
                ],
                {0},
                "The statute excuses minors and those unable to cooperate due to physical or psychological trauma.",
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
            "Identify who may self-petition and the qualifying relationship rules.",
            "Document battery or extreme cruelty, good-faith marriage, residence and good moral character.",
            "Apply 8 U.S.C. § 1367 protections and plan adjustment of status.",
        ],
        "relief_types": ["vawa", "adjustment"],
        "minutes": 90,
        "ethics_minutes": 30,
        "ny_category": "app",
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
                "minutes": 30,
                "codes": [18],
                "blocks": [
                    (
                        "text",
                        p(
                            "VAWA lets a survivor petition for herself on Form I-360, without the abuser's "
                            "knowledge or cooperation. A spouse of an abusive U.S. citizen (INA "
                            "§ 204(a)(1)(A)(iii)) or lawful permanent resident (INA § 204(a)(1)(B)(ii)) may "
                            "self-petition, as may a child of an abusive citizen or resident and a parent abused by "
                            "a U.S. citizen son or daughter who is at least 21.",
                            "The self-petitioning spouse must show a qualifying relationship, a marriage entered "
                            "into in good faith, that she resided with the abuser, that she or her child was "
                            "subjected to battery or extreme cruelty by the abuser during the marriage, and good "
                            "moral character. A divorce does not end eligibility if the petition is filed within "
                            "two years and the divorce was connected to the abuse; the same two-year window "
                            "applies where the abuser died or lost status because of an incident of domestic "
                            "violence. A bigamous marriage the petitioner believed valid can qualify.",
                            "Extreme cruelty does not require physical violence. Threats, isolation, economic "
                            "control, forced sexual contact, threats to take the children or to have her deported "
                            "and other forms of coercive control all count, and the pattern matters more than any "
                            "single incident.",
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
                                "The abuser must be a U.S. citizen or lawful permanent resident.",
                            )
                        ],
                    ),
                ],
            },
            {
                "slug": "vawa-evidence",
                "title": "Evidence and the declaration",
                "minutes": 30,
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
                            "good-faith marriage and shared residence.",
                            "Good moral character is usually shown with the client's declaration and police "
                            "clearances from every place she lived for six months or more in the three years "
                            "before filing. An act or conviction that would otherwise bar good moral character can "
                            "be excused where it was connected to the abuse; explain the connection carefully.",
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
                                "When USCIS finds that a self-petition states a prima facie case, it issues a "
                                "notice the client can use to access certain public benefits. File the petition "
                                "as complete as possible so that notice comes quickly."
                            ),
                        ),
                    ),
                ],
            },
            {
                "slug": "confidentiality-and-adjustment",
                "title": "Confidentiality (8 U.S.C. § 1367), ethics and adjustment",
                "minutes": 30,
                "codes": [15],
                "blocks": [
                    (
                        "text",
                        p(
                            "Section 1367 prohibits DHS, the Department of Justice and the State Department from "
                            "disclosing any information about a VAWA, T or U applicant to anyone, and from making "
                            "an adverse determination of admissibility or deportability using information "
                            "furnished solely by the abuser or the abuser's family. Abusers commonly call ICE or "
                            'send USCIS "tips" to undercut the petition; the statute was written for exactly that '
                            "situation.",
                            "Your own obligations run parallel. Under Rule 1.6 you protect everything relating to "
                            "the representation. Use a safe mailing address and phone number the client chooses, "
                            "confirm before leaving messages, never put case details in email subject lines, and "
                            "never contact the abuser. Where the abuser is also a party to a family-court case, "
                            "coordinate with the family lawyer so nothing filed there reveals the immigration case "
                            "without the client's informed consent.",
                            "A self-petitioner married to a U.S. citizen is an immediate relative and may file for "
                            "adjustment with the I-360 or after approval. VAWA self-petitioners may adjust even if "
                            "they entered without inspection, and the public charge ground does not apply to them "
                            "(INA § 212(a)(4)(E)). Spouses of permanent residents wait for a visa number in the "
                            "family second preference.",
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
                                    "USCIS may not make an adverse determination based solely on it",
                                    "USCIS must forward the letter to your client",
                                ],
                                {1},
                                "Information furnished solely by the abuser cannot be the basis of an adverse "
                                "determination.",
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
                "INA § 204(a)(1)(J).",
            ),
            (
                "A client divorced her abusive U.S. citizen husband 18 months ago because of the abuse. Can she still "
                "self-petition?",
                ["No, the marriage has ended", "Yes, within two years if the divorce was connected to the abuse"],
                {1},
                "The two-year rule for divorce connected to battery or extreme cruelty.",
            ),
            (
                "Which conduct can be extreme cruelty?",
                ["Threats to have her deported", "Economic control and isolation", "Threats to take the children"],
                {0, 1, 2},
                "Extreme cruelty reaches coercive control without physical violence.",
            ),
        ],
    },
    # ------------------------------------------------------------------ SIJS
    {
        "slug": "sijs",
        "title": "Special Immigrant Juvenile Status",
        "summary": (
            "Protection for children abused, neglected or abandoned by a parent: the state-court predicate "
            "order, the I-360 petition, age-out protection and adjustment."
        ),
        "objectives": [
            "List the findings a juvenile court must make and which state courts can make them.",
            "Prepare the I-360 SIJ petition and respond to USCIS consent review.",
            "Plan adjustment and advise on the long wait for a visa number.",
        ],
        "relief_types": ["sijs"],
        "minutes": 60,
        "ethics_minutes": 0,
        "ny_category": "app",
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
                "minutes": 30,
                "codes": [15],
                "blocks": [
                    (
                        "text",
                        p(
                            "Special Immigrant Juvenile classification (INA § 101(a)(27)(J); 8 C.F.R. § 204.11) "
                            "is a two-step process. First, a state juvenile court — any state court with "
                            "jurisdiction under state law to make judicial determinations about the custody and "
                            "care of juveniles — issues an order. Then the child petitions USCIS on Form I-360 "
                            "while under 21 and unmarried.",
                            "The court order must (1) declare the child dependent on the court, or place the child "
                            "in the custody of a state agency or of an individual or entity appointed by the "
                            "court; (2) find that reunification with one or both parents is not viable because of "
                            "abuse, neglect, abandonment or a similar basis under state law; and (3) find that it "
                            "is not in the child's best interest to be returned to the country of nationality or "
                            "last habitual residence. Each finding must rest on the state law the court applied, "
                            "and the order or supporting documents should show the factual basis.",
                            "USCIS must consent to the classification, which it does when the request is bona "
                            "fide: the juvenile court order was sought to obtain relief from parental abuse, "
                            "neglect, abandonment or a similar basis, not primarily to obtain an immigration "
                            "benefit. A child in federal (ORR) custody needs HHS consent before a state court may "
                            "change her custody status or placement.",
                        ),
                    ),
                    (
                        "check",
                        [
                            (
                                "Reunification must be not viable with:",
                                ["Both parents", "One or both parents", "Any relative"],
                                {1},
                                "The statute refers to one or both parents; a child living with one safe parent "
                                "can qualify.",
                            )
                        ],
                    ),
                ],
            },
            {
                "slug": "state-court-and-adjustment",
                "title": "Working in state court, age-out and adjustment",
                "minutes": 30,
                "codes": [None],
                "blocks": [
                    (
                        "text",
                        p(
                            "Which court and which proceeding depend on the state: guardianship, custody, "
                            "dependency, delinquency or adoption can all produce a predicate order. Age limits "
                            "differ. New York's Family Court can appoint a guardian for a young person up to 21 "
                            "with her consent, and California Probate Code § 1510.1 allows guardianships for "
                            "18-to-20-year-olds for SIJ purposes; other states stop at 18. Start early and never "
                            "let a client's 18th birthday pass unnoticed.",
                            "Federal law protects a child from aging out once the I-360 is filed: USCIS may not "
                            "deny the petition because the child turned 21 after filing. The child must remain "
                            "unmarried until the petition is approved and through adjustment.",
                            "An approved SIJ petitioner is treated as paroled for adjustment (INA § 245(h)), and "
                            "several inadmissibility grounds do not apply or can be waived. Because SIJ is an "
                            "employment-based fourth preference category, clients from countries with long "
                            "backlogs wait years for a visa number; check the Visa Bulletin and the current USCIS "
                            "policy on deferred action and employment authorization, which has changed. Remind "
                            "clients that a SIJ-based resident can never petition for the natural or prior "
                            "adoptive parents.",
                        ),
                    ),
                    (
                        "callout",
                        (
                            "warning",
                            "Marriage ends eligibility",
                            p(
                                "A SIJ petitioner who marries before adjusting loses eligibility. Explain this in "
                                "the client's language and in writing at intake and again at every stage."
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
                "The three predicate findings of 8 C.F.R. § 204.11(c).",
            ),
            (
                "A child files the I-360 at 20 and turns 21 while it is pending. What happens?",
                ["It is denied for age", "Age-out protection preserves eligibility"],
                {1},
                "Statutory age-out protection applies once the petition is filed before 21.",
            ),
            (
                "May a SIJ-based permanent resident later petition for her natural parents?",
                ["Yes", "No"],
                {1},
                "INA § 101(a)(27)(J)(iii)(II).",
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
        "minutes": 90,
        "ethics_minutes": 30,
        "ny_category": "skills",
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
                "minutes": 30,
                "codes": [15],
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
                            "Because the REAL ID Act lets an adjudicator rely on any inconsistency, your job is to "
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
                "minutes": 30,
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
                "minutes": 30,
                "codes": [20],
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
        "minutes": 60,
        "ethics_minutes": 30,
        "ny_category": "skills",
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
                "minutes": 30,
                "codes": [15],
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
                "minutes": 30,
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
