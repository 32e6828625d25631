"""Words the minutes generator draws from: forces, people, reports, and the phrases
minutes are made of. Plain data; ``benchmarks.generate`` composes it with a seeded RNG.

Everything here is invented (no real people, forces or reports), in the register of
the corpus: OPCC assurance meetings (HMICFRS recommendations, questions, "Findings:"
bullets, actions carried forward) and governance boards ("Ref NN/DD/MM/YYYY" items,
"Decision:" lines, "ACTION:" lines).
"""

from __future__ import annotations

# Force names are composed (prefix + suffix): 14 x 16 = 224 distinct forces.
FORCE_PREFIX = ["North", "South", "East", "West", "Upper", "Lower", "Great", "Old", "High", "Mid",
                "Fair", "Kings", "Long", "Black"]
FORCE_SUFFIX = ["shire", "vale", "mere", "ford", "wick", "dale", "moor", "bridge", "field", "marsh",
                "wold", "haven", "combe", "leigh", "stow", "holm"]
HQ = ["Hindley Park", "Bramcote House", "Ashgrove", "Coldharbour Lane", "Police Headquarters", "Linton Hall",
      "Carrow Court", "Elmstead", "Riverside House", "Westgate"]
ROOMS = ["Meeting Room 1.38", "Willison Room", "Conference Room 2", "Boardroom", "Room 2.14", "Oak Room",
         "Training Suite 3", "Committee Room A"]

FIRST = ["Alex", "Amanda", "Andrew", "Angela", "Anthony", "Beth", "Carl", "Catherine", "Chris", "Claire",
         "Colin", "Damian", "David", "Deborah", "Elaine", "Emma", "Fiona", "Gareth", "Grant", "Hannah",
         "Helen", "Ian", "James", "Jane", "Jason", "Joanne", "John", "Julie", "Karen", "Keith", "Kirsty",
         "Laura", "Lee", "Lisa", "Mark", "Martin", "Michelle", "Natasha", "Neil", "Nicola", "Owen", "Pamela",
         "Paul", "Pippa", "Rachel", "Richard", "Robert", "Ruth", "Sam", "Sarah", "Shaun", "Simon", "Sophie",
         "Stephen", "Stuart", "Tessa", "Tony", "Tracey", "Victoria", "Wendy", "Yvonne", "Zoe"]
LAST = ["Abbott", "Ashworth", "Barlow", "Bellamy", "Benfield", "Blackwood", "Boulton", "Bradshaw", "Brennan",
        "Carver", "Chadwick", "Champness", "Coates", "Corrigan", "Dalton", "Denholm", "Draycott", "Eastwood",
        "Ellery", "Fairbairn", "Farrant", "Fenwick", "Garside", "Goodall", "Greaves", "Hadley", "Halliwell",
        "Harcourt", "Hartland", "Haworth", "Holloway", "Hurst", "Inglis", "Jarvis", "Kendrick", "Kershaw",
        "Lambert", "Langley", "Lockwood", "Marsden", "Merriman", "Moorcroft", "Muirhead", "Nettleton",
        "Norbury", "Oakley", "Onslow", "Ormerod", "Pargeter", "Pickering", "Quinlan", "Radcliffe", "Redfern",
        "Rowntree", "Sandford", "Shelley", "Southall", "Stainton", "Thorold", "Threlfall", "Tindall", "Underwood",
        "Varley", "Wadsworth", "Walmsley", "Whitaker", "Wilde", "Winstanley", "Yardley", "Yates"]

# (key, abbreviation as printed, title as printed in an assurance attendance list,
#  title as printed on a governance board, organisation)
ROLES = [
    ("PCC", "PCC", "Police and Crime Commissioner", "Police and Crime Commissioner", "OPCC"),
    ("DPCC", "DPCC", "Deputy Police and Crime Commissioner", "Deputy Police and Crime Commissioner", "OPCC"),
    ("CEx", "CEx", "Chief Executive for the Police and Crime Commissioner", "Chief Executive Officer", "OPCC"),
    ("Treasurer", None, "Treasurer", "Treasurer", "OPCC"),
    ("CC", "CC", "Chief Constable", "Chief Constable", "force"),
    ("DCC", "DCC", "Deputy Chief Constable", "Deputy Chief Constable", "force"),
    ("ACC1", "ACC", "Assistant Chief Constable", "ACC – Local Policing", "force"),
    ("ACC2", "ACC", "Assistant Chief Constable", "ACC – Crime & Vulnerability", "force"),
    ("DCS", None, "Director of Commercial Services", "Director of Commercial Services", "force"),
    ("DBS", None, "Director of Business Services", "Director of Business Services", "force"),
    ("PO", None, "Policy Officer", "Policy Officer", "OPCC"),
    ("SEC", None, "Secretary", "Secretary", "OPCC"),
]

# Reports a force is inspected on, by year: (title pattern, themes).
FORCE_REPORTS = [
    ("PEEL Effectiveness {year}", ["Preventing crime and ASB", "Protecting vulnerable people and supporting victims",
                                   "Tackling serious and organised crime", "Investigating crime"]),
    ("PEEL Efficiency {year}", ["Understanding demand", "Use of resources", "Planning for the future"]),
    ("PEEL Legitimacy {year}", ["Fair and respectful treatment", "Ethical and lawful behaviour",
                                "Use of force and stop and search"]),
    ("Crime Data Integrity {year}", ["Crime recording", "Recording of violent crime", "Audit and oversight"]),
]
# National thematic reports: the same recommendations reach every force, so one
# recommendation node gathers findings from many boards (the long lineages).
NATIONAL_REPORTS = [
    ("HMICFRS Stalking and Harassment: An inspection 2017", ["Stalking and harassment"]),
    ("HMICFRS Custody Services Thematic 2019", ["Detention and custody"]),
    ("HMICFRS A Duty to Protect: Protective Measures 2021", ["Protective orders"]),
    ("HMICFRS Vetting, Misconduct and Misogyny 2022", ["Vetting and professional standards"]),
    ("HMICFRS Digital Forensics Thematic 2022", ["Digital forensics"]),
    ("HMICFRS Police Response to Violence Against Women and Girls 2021", ["Violence against women and girls"]),
]

REC_VERB = ["ensure that", "improve how", "review how", "put in place arrangements so that",
            "develop a plan so that", "take steps to make sure that", "strengthen the way"]
REC_SUBJECT = ["local policing teams", "control room staff", "supervisors", "investigators", "neighbourhood officers",
               "custody staff", "call handlers", "public protection teams", "response officers", "analysts",
               "professional standards officers", "victim care staff"]
REC_ACTION = ["routinely engage with local communities and undertake structured problem solving with partners",
              "assess and record the risks that victims face at the first point of contact",
              "have the training and guidance they need to identify vulnerability",
              "record crimes accurately and within twenty-four hours of the report",
              "review unresourced incidents so that safeguarding support can be prioritised",
              "use the powers available to them lawfully and proportionately",
              "are supervised effectively, with clear oversight of their workloads",
              "share information with partner agencies in a timely and consistent way",
              "complete investigations to a good standard and keep victims informed",
              "understand the current and future demand for their services",
              "make consistent use of protective orders where they would safeguard victims",
              "treat the public fairly and with respect, and can show that they do",
              "map organised crime groups accurately and manage them through a lead responsible officer",
              "apply vetting standards consistently and record the reasons for decisions",
              "reduce the backlog of devices awaiting digital forensic examination"]
REC_PURPOSE = ["", " to prevent crime and anti-social behaviour", " so that vulnerable people are protected",
               " in order to improve outcomes for victims", " and monitor the effect through performance governance",
               " so that the public can have confidence in the service", " and evaluate what works"]

SPEAK_VERB = ["confirmed that", "provided assurance that", "stated that", "acknowledged that", "reported that",
              "explained that", "advised that", "highlighted that", "noted that", "gave assurance that"]
FINDING_CLAUSE = [
    "a new process had been put in place to review every {topic} case within twenty-four hours",
    "the {topic} improvement plan was on track and progress was reported monthly to the {group}",
    "an audit of {topic} had been completed and its recommendations accepted in full",
    "additional training on {topic} had been delivered to {staff} across all three local policing areas",
    "dip sampling of {topic} cases had found that {pct}% met the expected standard",
    "the force was now graded as good in respect of {topic} by the peer review in {month}",
    "performance on {topic} was reported through the {group}, which is chaired by the {role}",
    "there had been a {pct}% {trend} in {topic} compared with the same period last year",
    "learning from another force was being used to improve the approach to {topic}",
    "a dedicated {topic} lead had been appointed and would report back in {month}",
    "the ICT changes needed to support {topic} had been delayed until {month}",
    "the demand analysis for {topic} was being refreshed and would be presented in {month}",
    "partners had been asked to share data on {topic} through the {group}",
    "{staff} were no longer being abstracted from {topic} duties",
    "the workforce plan included {num} additional posts to support {topic}",
]
FINDING_PLAIN = [
    "Governance is provided through the {group}, which meets fortnightly and is chaired by the {role}.",
    "Progress on {topic} is scrutinised against the actions in the improvement plan.",
    "Data on {topic} is now being provided monthly and will allow trends to be identified.",
    "Issues remain with some partner agencies not attending the {group}.",
    "There is growing confidence that the force understands the scale of {topic}.",
    "A discussion took place regarding the value of comparing {topic} figures with similar forces.",
    "Body worn video has proved to be a useful tool in regards to {topic}.",
    "The {group} has agreed a new set of measures for {topic}, to be reported quarterly.",
    "Further work is needed to understand why {pct}% of {topic} cases are closed without an outcome.",
]
TOPICS = ["domestic abuse", "knife crime", "stop and search", "use of force", "unresourced incidents",
          "missing children", "serious organised crime", "child sexual exploitation", "rural crime",
          "anti-social behaviour", "crime recording", "victim contact", "digital forensics", "custody",
          "vetting", "call handling", "road safety", "hate crime", "stalking", "fraud", "county lines",
          "mental health demand", "outcome 16", "case file quality", "protective orders", "body worn video"]
STAFF = ["response officers", "SNT officers", "call handlers", "detectives", "supervisors", "custody sergeants",
         "PCSOs", "new recruits", "investigators"]
GROUP = ["{force} Delivery Group", "Stop and Search Board", "{force} Crime Reduction Board",
         "Domestic Abuse Board", "Serious Organised Crime Joint Action Group", "Vulnerability Board",
         "Service Improvement Board", "Data Quality Board", "People Board", "Digital Policing Board"]

QUESTION = [
    "What assurance can the {role} give that {topic} is being managed effectively across the force?",
    "Is the {role} confident that the force fully understands the current and future demand from {topic}?",
    "What reassurance can the {role} give that there is appropriate supervisory oversight of {topic}?",
    "How is the force measuring the effect of the changes made to {topic}, and what do the results show?",
    "What progress has been made since the last inspection on {topic}, and what remains to be done?",
    "Can the {role} provide assurance that the savings plans for {topic} are robust and clearly defined?",
]

ACTION = [
    "{role} to provide an update on {topic} to the {next_month} holding to account meeting.",
    "The {role} to circulate the {topic} audit report to the OPCC.",
    "{role} to bring a written paper on {topic} to the next meeting, circulated at least a week in advance.",
    "The {role} to be provided with an update following the review of {topic}.",
    "{role} to confirm the timetable for the {topic} improvement plan.",
    "{role} to share the {topic} performance data with the OPCC policy team.",
    "{role} to arrange a briefing for the PCC on {topic} before the {next_month} meeting.",
    "{role} to report back on partner attendance at the {group}.",
]
UPDATE_OPEN = [
    "Work is ongoing and a further update will be provided at the next meeting.",
    "The paper is in draft and will be circulated before the next meeting.",
    "The review has started; findings are expected in {month}.",
    "Partners have been contacted and responses are awaited.",
    "This has been delayed by the ICT changes; a revised date will be confirmed.",
]
UPDATE_DONE = [
    "The written paper was circulated before the meeting as requested.",
    "The update was provided to the PCC on {date_text}.",
    "The audit report was shared with the OPCC policy team.",
    "This item is a substantive item on the agenda – see below.",
    "The briefing took place and no further action is required.",
    "The data has been shared and will now be provided monthly.",
]
RISK_PARA = [
    "There was a critical road traffic collision on the {road} on {day_text}, causing disruption to the wider roads network. An internal review will be undertaken.",
    "A protest march is being planned in {town} for {month}; a policing plan is in place with support from neighbouring forces.",
    "The force is preparing for the implementation of the new {system} system in {month}, which carries a risk of disruption to call handling.",
    "A serious incident in {town} has attracted national media interest; the IOPC has been notified.",
    "Sickness absence in the control room remains above the force target and is being closely monitored.",
    "The festival season will place additional demand on the {town} policing area over the summer.",
]
ROADS = ["M5", "M50", "A49", "A44", "M42", "A38", "M6", "A46"]
TOWNS = ["Kingsbury", "Ashford Vale", "Millbrook", "Stanton", "Brackley Cross", "Hurstbourne", "Fenby", "Oldcastle"]
SYSTEMS = ["command and control", "records management", "case file", "duty management", "digital evidence"]

GOV_ITEMS = [
    ("Money Matters {quarter} {fy} – Papers – For Decision.", "money"),
    ("Capital Programme {fy} – Papers – For Decision.", "money"),
    ("Estates Strategy Update – Papers – For Decision.", "estates"),
    ("Fleet Replacement Programme – Papers – For Decision.", "estates"),
    ("Workforce Plan {fy} – Papers – For Information.", "people"),
    ("Police Officer Recruitment – Verbal Update.", "people"),
    ("Treasury Management Strategy {fy} – Papers – For Decision.", "money"),
    ("Commissioning Intentions {fy} – Papers – For Decision.", "commissioning"),
    ("Collaboration Agreement Review – Papers – For Decision.", "collaboration"),
    ("ICT Infrastructure Business Case – Papers – For Decision.", "ict"),
    ("Risk Register Review – Papers – For Information.", "risk"),
    ("Victim Services Contract – Papers – For Decision.", "commissioning"),
    ("Performance Report {quarter} {fy} – Papers – For Information.", "risk"),
    ("Digital Strategy Update – Papers – For Information.", "ict"),
    ("Custody Suite Refurbishment – Papers – For Decision.", "estates"),
    ("Pay Award and Allowances – Papers – For Decision.", "people"),
]
GOV_PURPOSE = [
    "The purpose of the paper is to capture the work undertaken to date and to set out the options for the next phase, with the risks and costs of each.",
    "The paper sets out the position at the end of the quarter against the approved plan and the forecast for the rest of the year.",
    "The paper summarises the consultation undertaken with partners and the changes made in response to their comments.",
    "The paper was circulated a week before the meeting; the author summarised the main points and invited questions.",
    "The paper follows the request made at the previous meeting for a fuller explanation of the assumptions used in the plan.",
    "The paper sets out the business case, the procurement route proposed and the timetable for implementation by {month}.",
]
GOV_BULLETS = {
    "money": [
        "The Treasurer confirmed that reserves remain within the range set out in the reserves strategy.",
        "The {role} asked for the capital slippage to be explained in the next report.","The {role} asked that further detail around savings plans be included in the report going forward.",
              "There was a discussion around pay awards for police officers and staff and the associated local financial impact.",
              "The {role} noted a forecast underspend of £{money}m, largely due to vacancies.",
              "The {role} highlighted the pressure on the overtime budget from major events."],
    "estates": [
        "The {role} asked that the disposal proceeds be ring-fenced for the capital programme.",
        "The {role} confirmed that the {town} refurbishment is on time and within budget.","The {role} stated there needs to be a clear plan for any buildings identified for disposal.",
                "The {role} recognised the good work done to date on the {town} site.",
                "There was a discussion regarding the future of the old {town} police station."],
    "people": [
        "The {role} asked for the diversity of the new intake to be reported at the next meeting.",
        "The {role} confirmed that the training school has capacity for the planned intakes.","The {role} provided an update on recruitment, with {num} officers due to start in {month}.",
               "The {role} noted that attrition remains above the national average.",
               "There was a discussion around the wellbeing offer for staff in the control room."],
    "commissioning": [
        "There was a discussion about the length of the contract and the break clauses.",
        "The {role} noted that demand for the service had risen by {pct}% over the year.","The {role} confirmed that the service is performing against all contract measures.",
                      "The {role} asked for assurance that victims' views had informed the specification."],
    "collaboration": [
        "The {role} asked that the benefits of the collaboration be quantified.",
        "The {role} confirmed that the partner force had agreed the cost-sharing formula.","The {role} noted that the agreement would be reviewed jointly with the partner force.",
                      "There was a discussion around the governance of shared services."],
    "ict": [
        "The {role} confirmed that the supplier had agreed to the revised milestones.",
        "There was a discussion about the cyber security assurance for the new system.","The {role} highlighted the risks of further delay to the infrastructure upgrade.",
            "The {role} asked that benefits realisation be reported to a future meeting."],
    "risk": [
        "The {role} asked that the risk appetite statement be reviewed annually.",
        "The {role} confirmed that mitigating actions were in place for all red risks.","The {role} noted that two new risks had been added relating to {topic}.",
             "There was a discussion about the scoring of the {topic} risk."],
}
GOV_DECISION = [
    "The recommendations as set out in section {num} of the covering report were approved.",
    "The PCC approved the {thing} as presented.",
    "The recommendation from the addendum was supported. A virement of £{money}m is authorised from the contingency funding available.",
    "The paper was noted and the PCC agreed that it be brought back in {month}.",
    "The PCC approved the proposal subject to the conditions set out in the paper.",
]
GOV_THINGS = ["revenue budget", "capital programme", "business case", "contract award", "strategy", "policy"]
GOV_ACTION = [
    "{ini} to bring a revised {thing} to a future meeting.",
    "{ini} to circulate the final figures following the announcement of the grant settlement.",
    "{ini} to provide a breakdown of the {topic} costs to the Treasurer.",
    "{ini} to review the use of the contingency budget and how it will be reported.",
    "{ini} and {ini2} to meet to discuss the {town} site further.",
    "{ini} to confirm the timetable for the {thing} consultation.",
]
GOV_UPDATE_OPEN = ["Work in progress; to be brought to the next meeting. Action ongoing.",
                   "The review has begun and will report in {month}. Action ongoing.",
                   "Awaiting information from partners. Action ongoing."]
GOV_UPDATE_DONE = ["The revised paper is on today's agenda. Action closed.",
                   "The figures were circulated on {date_text}. Action closed.",
                   "Complete; no further action required. Action closed."]
