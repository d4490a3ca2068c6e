// The words the SMART coach reads an action by (smart-coach.ts): community-safety English as delivery plans
// write it. Each list is a plain regular expression over lower-cased text, so a reviewer can read and extend it.

/**
 * Openings that promise effort, an aim or watching rather than a deed: "Look into street drinking",
 * "Monitor ASB", "Ensure the town centre is clean", "Provide reassurance", "Make the park safer",
 * "Deliver better outcomes". Let through when the rest names a deed or a number (smart-coach-wording.ts).
 */
export const VAGUE_OPENING =
  /^(?:to\s+)?(?:do (?:something|more|what we can)|monitor(?:s|ing)?|ensur(?:e|es|ing)|maintain(?:ing)?|minimis(?:e|ing)|prevent(?:ing)?|provid(?:e|ing) (?:(?:a|an|more|greater|extra|increased|high[- ]visibility|visible|continued) )*(?:reassurance|reassuring presence|presence|support|visibility|assurance)|mak(?:e|ing) (?:[^ ]+ ){0,5}?(?:feel )?(?:safer|safe|better|cleaner|more \w+|less \w+|welcoming|vibrant|attractive|(?:a )?no-go\b|hostile)|deliver(?:ing)? (?:better|improved|good|positive|stronger|more effective|enhanced)|cut(?:ting)? (?!back\b|down\b|the\b|overgrown\b)|work(?:ing)? alongside|look(?:ing)? (?:in)?to|look(?:ing)? at|tackl(?:e|ing)|address(?:ing)?|deal(?:ing)? with|improv(?:e|ing)|work(?:ing)? (?:on|towards|with)|support(?:ing)?|explor(?:e|ing)|consider(?:ing)?|focus(?:ing)? on|rais(?:e|ing) awareness|rais(?:e|ing) (?:the |our )?profile|engag(?:e|ing)(?: with)?|try(?:ing)? to|aim(?:ing)? to|seek(?:ing)? to|continu(?:e|ing)(?: to)?|help(?:ing)?(?: to)?|promot(?:e|ing)|encourag(?:e|ing)|enhanc(?:e|ing)|strengthen(?:ing)?|reduc(?:e|ing)|increas(?:e|ing)|combat(?:ing)?|keep(?:ing)? (?:an eye on|on top of|a watch on)|be (?:more|better|visible|seen|present))\b/;

/** Openings that only weigh a deed up ("Consider gating the alleyways"): vague whatever follows. */
export const DELIBERATIVE_OPENING =
  /^(?:to\s+)?(?:look(?:ing)? (?:in)?to|look(?:ing)? at|explor(?:e|ing)|consider(?:ing)?|think(?:ing)? about|investigat(?:e|ing) (?:options|whether|ways))\b/;

/** Place words used for something other than a place: "street drinking", "shop theft", "street lighting". */
export const NOT_A_PLACE =
  /\b(?:street (?:drink\w*|communit\w*|pastors?|light\w*|marshals?|furniture|clean\w*|based|level|homeless\w*|sleep\w*|begging|crime|weeds?)|shop ?(?:theft|lifting|lifters?)|car crime|park and ride)\b/g;

/** Deeds: verbs and nouns that make a title concrete whatever it opens with. */
export const CONCRETE_DEED =
  /\b(?:install(?:s|ed|ing)?|fit(?:s|ted|ting)?(?! for\b)|run(?:s|ning)?(?!-)|hold(?:s|ing)?|deliver(?:s|ed|ing)?|carry out|conduct(?:s|ed|ing)?|issu(?:e|es|ed|ing)|serv(?:e|es|ed|ing)|publish(?:es|ed|ing)?|train(?:s|ed|ing)?|visit(?:s|ed|ing)?|patrol(?:s|led|ling)?|launch(?:es|ed|ing)?|map(?:s|ped|ping)?|audit(?:s|ed|ing)?|produc(?:e|es|ed|ing)|recruit(?:s|ed|ing)?|fund(?:s|ed|ing)?|commission(?:s|ed|ing)?|sign(?:s|ed|ing)?|apply for|submit(?:s|ted|ting)?|survey(?:s|ed|ing)?|test purchas(?:e|es|ed|ing)|repair(?:s|ed|ing)?|replac(?:e|es|ed|ing)|remov(?:e|es|ed|ing)|clear(?:s|ed|ing)?|refer(?:s|red|ring)?|gat(?:e|es|ed|ing)|consult(?:s|ed|ation|ing)?|draft(?:s|ed|ing)?|set up|introduc(?:e|es|ed|ing)|upgrad(?:e|es|ed|ing)|relocat(?:e|es|ed|ing)|erect(?:s|ed|ing)?|distribut(?:e|es|ed|ing)|host(?:s|ed|ing)?|organis(?:e|es|ed|ing)|appoint(?:s|ed|ing)?|extend(?:s|ed|ing)?)\b/;

/** Themes PLACE_BASED reads as places; in a meeting's or a paper's title they are only its subject. */
export const THEME_NOT_PLACE =
  /\b(?:street drink\w*|begging|rough sleep\w*|night-?time economy|shop ?(?:theft|lifting))\b/g;

/** Work done round a table or on paper: a case conference on street drinking needs no street. */
export const DESK_WORK =
  /\b(?:case conferences?|conferences?|meetings?|panels?|forums?|referrals?|protocols?|strateg(?:y|ies)|polic(?:y|ies)|training|workshops?|briefings?|profiles?|assessments?|pathways?)\b/;

/** Work that happens somewhere, so the title should say where. */
export const PLACE_BASED =
  /\b(?:patrol(?:s|ling)?|cctv|camera(?:s)?|light(?:s|ing)?|street (?:drink|light|clean|furniture|marshal)\w*|graffiti|litter|fly-?tipping|begging|rough sleeping|night-?time economy|hot ?spots?|alley(?:way)?s?|gating|signage|bins?|car parks?|parks?|play areas?|open spaces?|skate ?park|youth shelter|benches|planters|dispersal|streets|speed (?:checks?|watch|cameras?|enforcement)|(?:visible |reassuring )?presence)\b/;

/** Where: a kind of place, a Cornish town, or "in/at/on/along ... <Name>". */
export const PLACE_WORD =
  /\b(?:street|st|road|rd|lane|footpath|path|underpass|subway|roundabout|junction|square|sq|park|car park|town centre|city centre|the town|centre|station|quay|harbour|beach|estate|precinct|high street|seafront|promenade|seafront|market|bus station|moor|hill|avenue|way|close|terrace|gardens|green|parade|arcade|bridge|memorial|library|cathedral|church|leisure centre|retail park|industrial estate|parish|venues?|premises|pubs?|clubs?|shops?|schools?|college|campus|hospital|penzance|redruth|camborne|falmouth|truro|newquay|st austell|bodmin|liskeard|saltash|cornwall|county-?wide|town-?wide|all wards|every ward)\b/;

/** When, not where: "on Friday nights", "in the summer", "over Easter" name a time (removed before places are read). */
export const TIME_PHRASE =
  /\b(?:(?:on|in|at|over|during|through|across|by|before|after|every|each|for|until)\s+)?(?:the\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|weekends?|weekdays?|january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter|christmas|easter|half[- ]terms?|new year|bank holidays?)\b/giu;

/** A name after a preposition of place, in the original casing: "in Lemon Street", "at Trafalgar". */
export const NAMED_PLACE = /\b(?:in|at|on|along|around|near|outside|across|by|off)\s+(?:the\s+)?\p{Lu}/u;

/** Quantity: a figure, a percentage or a number written as a word. */
export const QUANTITY =
  /\d|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen|half|quarter|third|every|each|all|weekly|monthly|fortnightly|daily|nightly|quarterly|annual(?:ly)?|once|twice)\b/;

/** A stronger quantity for a target: a figure, a number word (not "a"), or a share. */
export const TARGET_QUANTITY =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen|half|quarter|third|every|each|all|zero|none|no more than|at least)\b/;

/** A date, in the forms UK plans write them: 31/03/2027, 31 March 2027, March 2027, end of June, Q3. */
export const DATE_WORDS =
  /\b(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|q[1-4]|spring|summer|autumn|winter|christmas|easter|half-?term|year[- ]end|end of (?:the )?(?:year|month|quarter|term)|(?:at|by|before) (?:the |their |our |its )?(?:next |first |annual |monthly |quarterly )?(?:meeting|board|cabinet|committee|forum|tasking))\b/;

/** Things a target can name as done: "a signed CPN protocol", "a published map". */
export const DELIVERABLE =
  /\b(?:protocol|plan|policy|strategy|order|pspos?|cpns?|cpws?|injunction|report|agreement|map|audit|scheme|leaflet|campaign|training|event|course|contract|bid|application|system|dashboard|panel|forum|network|signage|signs|camera|cameras|lights|gates?|toolkit|guidance|charter|accreditation|award|licen[cs]e|review|survey|consultation|business case|memorandum|mou|terms of reference|rota|register|hub|service|pilot|app|website|page|poster|shelter|referral pathway|pathway|process|procedure|write-?up|minutes|notes|list|letter|profile|assessment|agenda|booking|analysis)\b/;

/** Words that say a deliverable exists: "signed", "in place", "agreed", "presented at the board". */
export const DONE_WORDS =
  /\b(?:online|gone|in use|told|taken|kept|heard|known|seen|met|paid|put|secure|on (?:the |every |each )?(?:[^ ]+ )?agenda|(?!(?:monitor|rais|address|tackl|support|encourag|promot|consider|explor|review|maintain|solv|resolv|sort|handl|protect)ed\b)[a-z]{3,}ed|sent|shown|given|written|built|done|signed|agreed|published|approved|in place|installed|completed?|live|launched|operational|adopted|delivered|held|running|fitted|made|issued|served|submitted|awarded|commissioned|open(?:ed)?|recruited|trained|funded|achieved|secured|renewed|extended)\b/;

/** Comparisons with nothing to compare: "less", "more", "better", "improved". */
export const BARE_COMPARISON =
  /\b(?:less|more|fewer|better|worse|improv(?:ed|ement|ing)|enhanc(?:ed|ement)|high|low|adequate|sufficient|acceptable|satisfactory|enough|fit for purpose|reduc(?:ed|tion|ing)|increas(?:ed|e|ing)|lower|higher|decreas(?:ed|e|ing)|safer|safe|cleaner|clean|quieter|quiet|tidy|calm|reassured|stronger|greater|positive|good|ongoing|tbc|tbd|n\/a|various|some|as (?:much|many|soon) as possible|as (?:much|many)|asap)\b/;

/** Something anyone could count or see: the measure names it. */
export const COUNTABLE =
  /\b(?:number|numbers|count|counts|percentage|percent|proportion|rate|rates|score|total|reports?|incidents?|calls?|visits?|patrols?|sessions?|referrals?|cases?|offences|crimes|arrests?|notices?|warnings?|orders?|pspos?|cpns?|cpws?|cameras?|lights?|units?|hours?|days?|attendees|attendance|participants|people|residents|businesses|premises|shops|licen[cs]es?|purchases?|test purchas\w*|surveys?|responses?|logs?|records?|data|figures|returns|tickets|fines|seizures|stops|checks|inspections|sweeps|meetings?|events?|places|beds|bins|tonnes|bags|items|complaints?|contacts|engagements|leaflets|posters|signs|gates|volunteers|members|partners|schools?|pupils|young people|hits|views|downloads|kpi|indicator|baseline|dashboard|milestones?|deadline|date|by \d|installed|signed|published|agreed|delivered|completed?|held|in place|approved|launched|issued|served|made|fitted|recorded|logged|run|trained|recruited|referred|removed|cleared|repaired|replaced|produced|submitted|received|tested|visited|conducted|upgraded|locked|marshalled|yes\/no|done)\b/;

/** Themes that are the partnership's by nature: one agency alone rarely moves them. */
export const MULTI_AGENCY_THEME =
  /\b(?:asb|anti-?social|street (?:drink|communit)\w*|drugs?|alcohol|exploitation|county lines|violence|vawg|domestic|night-?time economy|vulnerab\w*|homeless\w*|rough sleep\w*|begging|safeguarding|youth|young people|serious violence|knife|hate crime|cuckooing|hot ?spots?)\b/;

/**
 * Titles that say the work is done jointly: "Joint patrols", "Multi-agency visits", "with partners",
 * "alongside housing". Work sent to or done for the partnership ("Send the map to the partnership") is not.
 */
export const JOINT_WORK =
  /\b(?:joint(?:ly)?|multi-?agency|alongside|together with|partnership working|partnership (?:patrols?|visits?|operations?|days? of action|weeks? of action)|with (?:partners|partner agencies|(?:police |council |housing )?colleagues|(?:the )?(?:police|council|housing|fire|youth service|bid|nhs|health|probation|drug and alcohol service))\b)/;

/** "with the police": the agency named, so work "with" the owners' own agency is not joint work. */
export const WITH_AGENCY =
  /\bwith (?:the )?(police|council|housing|fire|youth service|bid|nhs|health|probation|drug and alcohol service)\b/;

/** Watching rather than doing: only a number lets it through ("Monitor the patrols" is vague). */
export const WATCHING = /^(?:to\s+)?(?:monitor(?:s|ing)?|keep(?:ing)? (?:an eye on|on top of|a watch on))\b/;

/**
 * Kinds of work and how their titles read; the first that matches sets the minimum lead time
 * (DEFAULT_COACH_POLICY.leadDays, SMART_LEAD_DAYS). A reviewer extends a kind by adding its words.
 */
export const WORK_KINDS = [
  // A desk task the title opens with: a day's work, never too soon ("Send the map to the partnership").
  {
    kind: 'desk',
    words:
      /^(?:e-?mail|send|circulate|share|forward|phone|ring|call|book|write up|write to|print|post|invite|ask|remind|notify|inform|tell|contact|give (?:every|each|all)|(?:give|pass|hand) (?:on )?(?:the |a |our )?(?:[^ ]+ ){0,3}(?:minutes|notes|figures|list|map|report|plan|sheet|details|data|contacts?)\b|publish\b.* (?:on|to) (?:the )?(?:[^ ]+ ){0,3}(?:website|web ?page|page|intranet|noticeboard)|update the \w+ (?:log|register|tracker|list)|add (?:[^ ]+ ){1,6}to (?:the )?(?:[^ ]+ ){0,4}agenda)\b/,
  },
  {
    kind: 'order',
    words:
      /(?<!\b(?:on|about) (?:the |a )?(?:[^ ]+ )?)\b(?:pspos?|public spaces? protection|dispersal orders?|closure orders?|gating orders?|byelaws?|injunctions?)\b|\bconsult(?:s|ing|ation)?\b/,
  },
  {
    // A premises licence review: the application, 28 days for representations, then a hearing.
    kind: 'licensing',
    words: /\breview\w*\b.*\blicen[cs]es?\b|\blicen[cs]e reviews?\b|\blicensing reviews?\b/,
  },
  {
    // Building or replacing something: "Install CCTV", "Fit alley gates", "Replace the street lights".
    kind: 'works',
    words:
      /^(?!.*\b(?:stickers?|posters?|leaflets?)\b).*\b(?:install\w*|fit(?:s|ting)?|build(?!ings?\b)\w*|refurbish\w*|construct\w*|resurfac\w*|(?:new|install\w*|erect\w*) fenc\w*|fenc(?:e|ing) off|erect\w*|upgrad\w*|gating)\b|\b(?:replac|repair|fix|renew)\w*\b.*\b(?:lamps?|lights?|lighting|columns?|cameras?|cctv)\b/,
  },
  {
    kind: 'event',
    words:
      /\b(?:event|festival|launch|awareness (?:day|week)|campaign|fun day|fairs?|fetes?|gala|open day|roadshow|(?:week|day)s? of action)\b/,
  },
  { kind: 'training', words: /\b(?:train(?:s|ing)?|course|courses)\b/ },
] as const;

/** Small words every English action uses: how the coach knows the text is English (and its lists apply). */
export const ENGLISH_WORDS =
  /\b(?:the|of|in|and|to|for|an|on|at|by|with|from|all|every|per|each|our|into|about|through|more|less|fewer|better|reports?|number|people|made|held|done|installed)\b/;
