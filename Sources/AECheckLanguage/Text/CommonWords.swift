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
}
