import Foundation

/// Everyday English words that are never typo-corrected into lexicon words.
///
/// They are function words and frequent short words, not medical terms; a text word in this
/// list is only ever matched exactly. Words of four letters or fewer are exact-only anyway.
/// Example: `CommonWords.all.contains("later")` is `true`, so "later" never becomes a lexicon word "lather".
public enum CommonWords: Sendable {
    /// The normalised (lowercase, apostrophe-free) words.
    ///
    /// Example: `CommonWords.all.contains("there")`.
    public static let all: Set<String> = [
        "about", "above", "after", "again", "against", "almost", "along", "already", "also", "although",
        "always", "among", "another", "anyone", "anything", "around", "because", "become", "been",
        "before", "behind", "being", "below", "beside", "besides", "better", "between", "beyond",
        "cannot", "could", "couldnt", "didnt", "doesnt", "during", "either", "enough", "every",
        "everyone", "everything", "fewer", "first", "following", "further", "hadnt", "hasnt",
        "havent", "having", "hence", "herself", "himself", "however", "inside", "instead", "isnt",
        "itself", "later", "least", "little", "maybe", "might", "mightnt", "minute", "minutes",
        "morning", "mustnt", "myself", "neither", "never", "night", "nothing", "often", "other",
        "others", "ourselves", "outside", "perhaps", "please", "quite", "rather", "really", "right",
        "second", "seconds", "shall", "shant", "should", "shouldnt", "since", "something",
        "sometimes", "still", "their", "theirs", "there", "therefore", "these", "theyre", "thing",
        "things", "think", "those", "though", "three", "through", "today", "together", "tomorrow",
        "tonight", "under", "until", "usually", "wasnt", "weeks", "werent", "whatever", "where",
        "whether", "which", "while", "whole", "whose", "within", "without", "wont", "would",
        "wouldnt", "years", "yesterday", "youre", "yours", "yourself",
    ]

    /// Short function words and everyday verbs that carry no symptom of their own: a clause
    /// of only these (and the words in `all`) needs no explaining.
    ///
    /// Example: `CommonWords.short.contains("the")` is `true`.
    public static let short: Set<String> = [
        "the", "and", "but", "for", "nor", "yet", "with", "was", "were", "has", "had", "have", "its", "his",
        "her", "him", "she", "they", "them", "their", "this", "that", "than", "then", "from", "into", "onto",
        "just", "been", "some", "very", "also", "any", "all", "are", "can", "cant", "could", "did", "does",
        "doing", "done", "dont", "get", "gets", "got", "gotten", "going", "gone", "went", "come", "came",
        "coming", "had", "how", "what", "when", "who", "why", "will", "would", "you", "your", "our", "out",
        "off", "over", "now", "not", "too", "bit", "lot", "lots", "much", "many", "more", "most", "one",
        "two", "few", "each", "both", "such", "own", "same", "here", "there", "only", "even", "ever",
        "ive", "im", "id", "ill", "its", "thats", "theres", "whats", "hes", "shes", "theyve", "weve",
        "say", "says", "said", "tell", "told", "know", "knew", "think", "thought", "see", "saw", "seen",
        "look", "looks", "looked", "seem", "seems", "seemed", "make", "made", "take", "took", "taken",
        "give", "gave", "put", "keep", "kept", "let", "like", "want", "need", "needs", "try", "tried",
        "feel", "feels", "feeling", "felt", "bit", "kind", "sort", "lol", "okay", "yeah", "yes", "yep",
        "ok", "well", "still", "back", "way", "day", "days", "week", "hour", "hours", "time", "times",
        "last", "next", "ago", "since", "about", "around", "after", "before", "during", "while", "until",
        "again", "today", "tonight", "morning", "afternoon", "evening", "night", "yesterday", "hello",
        "thanks", "thank", "please", "help", "sorry", "hope", "hopefully", "anyway", "just", "thing",
        "things", "stuff", "something", "anything", "nothing", "everything", "quite", "really", "pretty",
        "little", "big", "bad", "good", "new", "old", "first", "second", "third", "mean", "means",
        "normal", "normally", "usual", "usually", "bit", "slightly", "maybe", "probably", "right",
        "left", "side", "both", "home", "work", "started", "start", "starts", "starting", "began", "begin",
        "since", "keep", "keeps", "kept", "getting", "gets", "having", "being", "doing",
    ]
}
