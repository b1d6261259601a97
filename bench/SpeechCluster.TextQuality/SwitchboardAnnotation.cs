namespace SpeechCluster.TextQuality;

/// <summary>
/// Reads a turn of the Switchboard disfluency annotation ("{F uh, } [ I, + I ] think /") into its
/// words, lower-case, with what each word is. Cut-off words keep their final hyphen ("wh-").
/// </summary>
internal static class SwitchboardAnnotation
{
    public static List<(string Word, GoldLabel Label)> Parse(string annotation)
    {
        var words = new List<(string Word, GoldLabel Label)>();
        var frames = new Stack<Frame>();
        var brace = ' ';
        var noise = false;
        foreach (var raw in annotation.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.StartsWith('<'))
            {
                noise = !raw.EndsWith('>');
                continue;
            }

            if (noise)
            {
                noise = !raw.EndsWith('>');
                continue;
            }

            switch (raw)
            {
                case "[":
                    frames.Push(new Frame());
                    continue;
                case "+":
                    if (frames.Count > 0)
                    {
                        frames.Peek().InRepair = true;
                    }

                    continue;
                case "]":
                    if (frames.Count > 0)
                    {
                        Close(frames.Pop(), words);
                    }

                    continue;
                case "}":
                    brace = ' ';
                    continue;
                case "/" or "-/" or "--" or "((" or "))" or "#":
                    continue;
            }

            if (raw.Length == 2 && raw[0] == '{')
            {
                brace = raw[1];
                continue;
            }

            var word = Clean(raw);
            if (word.Length == 0)
            {
                continue;
            }

            var label = brace switch
            {
                'F' => GoldLabel.Filler,
                'E' => GoldLabel.EditingTerm,
                _ => frames.Any(f => !f.InRepair) ? GoldLabel.Restart : GoldLabel.Fluent,
            };
            words.Add((word, label));
            foreach (var frame in frames)
            {
                (frame.InRepair ? frame.Repair : frame.Reparandum).Add(words.Count - 1);
            }
        }

        return words;
    }

    /// <summary>A reparandum the repair begins with is a repetition.</summary>
    private static void Close(Frame frame, List<(string Word, GoldLabel Label)> words)
    {
        var reparandum = frame.Reparandum.Where(i => words[i].Label is GoldLabel.Restart).ToList();
        var repair = frame.Repair.Where(i => words[i].Label is not (GoldLabel.Filler or GoldLabel.EditingTerm)).ToList();
        var repeated = reparandum.Count > 0 && repair.Count >= reparandum.Count
            && reparandum.Select((i, k) => words[i].Word == words[repair[k]].Word).All(same => same);
        if (repeated)
        {
            foreach (var i in reparandum)
            {
                words[i] = (words[i].Word, GoldLabel.Repetition);
            }
        }
    }

    private static string Clean(string raw)
    {
        var word = raw.ToLowerInvariant().Trim(',', '.', '?', '!', ';', ':', '"', '(', ')', '{', '}', '[', ']');
        return word.All(c => char.IsLetterOrDigit(c) || c is '\'' or '-') ? word : "";
    }

    private sealed class Frame
    {
        public List<int> Reparandum { get; } = [];

        public List<int> Repair { get; } = [];

        public bool InRepair { get; set; }
    }
}
