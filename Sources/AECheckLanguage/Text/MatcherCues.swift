import Foundation

/// Words that steer how a match is read (all lowercase; multi-word cues allowed).
///
/// The matcher holds no vocabulary of its own: every cue comes from the caller, usually from a
/// knowledge file. Cues are compared exactly (never with typo tolerance), after the same
/// normalisation as the text (lowercase, apostrophes removed, "cannot" read as "can't").
///
/// ```swift
/// let cues = MatcherCues(
///     negationBefore: ["no", "not"], negationAfter: ["is gone"], uncertainty: ["maybe"],
///     otherPerson: ["my son"], scopeEnds: ["but"])
/// ```
public struct MatcherCues: Sendable {
    /// Cues that negate a phrase that follows them in the same clause ("no", "denies", "free of").
    ///
    /// Example: `["no", "without", "don't have"]`.
    public var negationBefore: [String]
    /// Cues that negate a phrase that precedes them in the same clause ("is gone", "went away").
    ///
    /// Example: `["went away", "has stopped"]`.
    public var negationAfter: [String]
    /// Cues that make a following phrase in the same clause uncertain ("maybe", "not sure if").
    ///
    /// Example: `["maybe", "i think"]`.
    public var uncertainty: [String]
    /// Cues that move the following phrases of the sentence to another person ("my son").
    ///
    /// Example: `["my son", "she has"]`.
    public var otherPerson: [String]
    /// Words that end the scope of a negation or uncertainty cue ("but", "however").
    ///
    /// The punctuation marks `, . ; : ! ?` and line breaks always end scope as well.
    /// Example: `["but", "except"]`.
    public var scopeEnds: [String]
    /// Words that mark the patient as the subject again after an other-person cue.
    ///
    /// A first-person word also stops a cue from reaching past an earlier finding
    /// ("maybe a glow and I have fizz": the fizz is certain).
    /// Example: `["i", "i have", "me", "my"]`.
    public var firstPerson: [String]
    /// Words that may join the items of a list without ending a cue's scope.
    ///
    /// They let "no fizz, glow or humming" negate all three findings.
    /// Example: `["and", "or", "nor"]`.
    public var listJoiners: [String]
    /// Filler words that may sit between the words of a phrase, up to `maxGap` of them.
    ///
    /// They let "my lips feel a bit puffy" match the phrase "lips puffy". Gap words are single
    /// words; a phrase never spans punctuation, and a one-word cue ("not") is never a gap word.
    /// Example: `["feel", "a", "bit", "are", "is", "very"]`.
    public var gapWords: [String]
    /// Cues after a finding that put it in the past ("last year", "when i was", "as a child").
    ///
    /// Example: `["last year", "years ago", "as a child"]`.
    public var historyAfter: [String] = []
    /// Cues before a finding that put it in the past ("years ago i had", "i used to get").
    ///
    /// Example: `["used to get", "history of", "as a child"]`.
    public var historyBefore: [String] = []
    /// Cues before a finding that make it a question or a worry, not a sign now ("what if").
    ///
    /// Example: `["what if", "in case", "should i worry if"]`.
    public var hypotheticalBefore: [String] = []
    /// Cues after a finding that say it has settled ("cleared up", "gone now").
    ///
    /// Like `negationAfter`, they count only at the end of a clause, or before a word of
    /// `afterCueTrailing`: "it has gone" is a cue, "it has gone red" is not.
    /// Example: `["cleared up", "went away", "has gone"]`.
    public var resolvedAfter: [String] = []
    /// Like `resolvedAfter`, but the sign has gone altogether ("it's over", "cleared up").
    ///
    /// Example: `["has gone", "cleared up"]`.
    public var clearedAfter: [String] = []
    /// Words that may follow an after-cue in its clause ("now", "again", "completely").
    ///
    /// Example: `["now", "again", "completely"]`.
    public var afterCueTrailing: [String] = []
    /// Pseudo-triggers: phrases that hold a cue's words but are no cue ("no longer",
    /// "won't stop", "not sure" inside "not sure if" is handled by length). A pseudo-trigger
    /// is matched like a cue and then does nothing.
    ///
    /// Example: `["no longer", "wont stop", "not only"]`.
    public var pseudo: [String] = []
    /// Relation words: someone else when the person types about themselves, the patient when
    /// a carer types (the first relation named is the patient; a different one is someone else).
    ///
    /// Example: `["my husband", "my wife", "my mum"]`.
    public var relations: [String] = []
    /// Words that make a person named just before them a witness, not the one with the sign
    /// ("my wife says", "my husband noticed"): the owner does not change.
    ///
    /// Example: `["says", "noticed", "thinks"]`.
    public var witness: [String] = []
    /// Third-person pronouns ("he", "her"): for a person typing about themselves they point
    /// back to the last other person named ("a guy in my group said his face drooped"); for a
    /// carer they are the patient.
    ///
    /// Example: `["he", "his", "she", "her"]`.
    public var thirdPerson: [String] = []
    /// Words that say the signs of their sentence came on slowly, over days or weeks
    /// ("gradually", "crept up", "over the last fortnight").
    ///
    /// Example: `["gradually", "slowly", "crept up"]`.
    public var gradual: [String] = []
    /// Words that say the signs of their sentence are old and as they always were
    /// ("for years", "same as always", "since my diagnosis").
    ///
    /// Example: `["for years", "same as always"]`.
    public var longstanding: [String] = []
    /// Words that say the signs of their sentence are getting worse ("worse and worse").
    ///
    /// Example: `["getting worse", "more and more"]`.
    public var worsening: [String] = []
    /// Words that say the signs of their sentence are holding steady ("no worse", "not
    /// spreading"); a negation just before a worsening cue says the same.
    ///
    /// Example: `["no worse", "not changed"]`.
    public var steady: [String] = []
    /// Words that say what eases a sign ("takes the edge off", "it clears once I cool down"):
    /// a clause holding one goes on about a sign, so it is no unknown sign of its own.
    ///
    /// Example: `["helps", "takes the edge off"]`.
    public var relief: [String] = []
    /// Words that open a sentence about the signs of the sentence before ("It passed on its
    /// own."): settling told by such a sentence reaches those signs.
    ///
    /// Example: `["it", "they"]`.
    public var backReference: [String] = []
    /// How many gap words may sit between two words of a phrase.
    public static let maxGap = 3

    /// Creates a cue set.
    ///
    /// `firstPerson` and `listJoiners` have plain English defaults; pass your own to override.
    /// Example: `MatcherCues(negationBefore: ["no"], negationAfter: [], uncertainty: [],
    /// otherPerson: [], scopeEnds: ["but"])`.
    public init(
        negationBefore: [String],
        negationAfter: [String],
        uncertainty: [String],
        otherPerson: [String],
        scopeEnds: [String],
        firstPerson: [String] = MatcherCues.defaultFirstPerson,
        listJoiners: [String] = MatcherCues.defaultListJoiners,
        gapWords: [String] = []
    ) {
        self.negationBefore = negationBefore
        self.negationAfter = negationAfter
        self.uncertainty = uncertainty
        self.otherPerson = otherPerson
        self.scopeEnds = scopeEnds
        self.firstPerson = firstPerson
        self.listJoiners = listJoiners
        self.gapWords = gapWords
    }

    /// The default first-person words.
    ///
    /// Plain English pronouns that make the patient the subject again.
    /// Example: `MatcherCues.defaultFirstPerson.contains("i")` is `true`.
    public static let defaultFirstPerson: [String] = [
        "i", "i've", "i'm", "i'd", "i have", "i had", "i am", "me", "my", "myself", "mine",
    ]

    /// The default list joiners.
    ///
    /// Conjunctions and articles that may sit between the items of a list.
    /// Example: `MatcherCues.defaultListJoiners.contains("or")` is `true`.
    public static let defaultListJoiners: [String] = ["and", "or", "nor", "a", "an", "any"]
}
