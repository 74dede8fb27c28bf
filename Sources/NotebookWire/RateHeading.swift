/// Which table columns hold hyperparameters — learning rates, momenta, decays — so that the program
/// writes their numbers with the rate formatter and the page keeps that text as written instead of
/// padding it to the column's significant digits.
///
/// A heading names a rate when one of its words (runs of letters and digits, any case) is `lr`,
/// `lrate`, `rate`, `momentum`, `decay`, `eta` or `eta0`: "learning rate", "learning_rate", "lr",
/// "momentum", "weight decay", "valley (rate)" are rate columns; "accuracy" and "val_loss" are not.
public enum RateHeading {
    /// The words that make a heading a rate column's.
    public static let words: Set<String> = ["lr", "lrate", "rate", "momentum", "decay", "eta", "eta0"]

    /// True when `heading` names a rate column.
    public static func names(_ heading: String) -> Bool {
        heading.lowercased().split { !($0.isLetter || $0.isNumber) }.contains { words.contains(String($0)) }
    }
}
