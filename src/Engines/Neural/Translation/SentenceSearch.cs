namespace SpeechCluster.Engines.Neural.Translation;

/// <summary>
/// The search over one sentence's outputs: greedy (width 1: the most likely token each step) or
/// beam search (the <c>width</c> best partial outputs by summed log-probability; finished ones are
/// ranked by score / length^penalty, and the search stops once no running one can beat the
/// finished ones, as Hugging Face's <c>early_stopping=False</c>). Not thread-safe.
/// </summary>
internal sealed class SentenceSearch
{
    private readonly int _width;
    private readonly long _eos;
    private readonly double _lengthPenalty;
    private readonly int _maxNewTokens;
    private readonly List<(long[] Tokens, double Score)> _finished = [];
    private (long[] Tokens, double Score)[] _beams;

    public SentenceSearch(int width, long eos, double lengthPenalty, int maxNewTokens)
    {
        _width = width;
        _eos = eos;
        _lengthPenalty = lengthPenalty;
        _maxNewTokens = maxNewTokens;

        // Every row of a sentence starts identical: only the first may expand, or the beam would
        // hold the same output several times.
        _beams = new (long[], double)[width];
        for (var beam = 0; beam < width; beam++)
        {
            _beams[beam] = ([], beam == 0 ? 0 : double.NegativeInfinity);
        }
    }

    public bool Done { get; private set; }

    /// <summary>
    /// Takes the log-probabilities of this sentence's rows (width × vocab) and writes, for each row of
    /// the next step, which current row it continues and the token it feeds the decoder.
    /// </summary>
    public void Step(ReadOnlySpan<float> logProbs, int vocab, Span<int> sourceBeam, Span<long> nextToken)
    {
        if (Done)
        {
            for (var beam = 0; beam < _width; beam++)
            {
                sourceBeam[beam] = beam;
                nextToken[beam] = _eos;
            }

            return;
        }

        if (_width == 1)
        {
            StepGreedy(logProbs[..vocab], sourceBeam, nextToken);
        }
        else
        {
            StepBeam(logProbs, vocab, sourceBeam, nextToken);
        }
    }

    /// <summary>The best output, end-of-sentence left out.</summary>
    public long[] Best()
    {
        if (_finished.Count > 0)
        {
            return _finished[0].Tokens;
        }

        return _beams[0].Tokens;
    }

    private void StepGreedy(ReadOnlySpan<float> logProbs, Span<int> sourceBeam, Span<long> nextToken)
    {
        var best = 0;
        for (var token = 1; token < logProbs.Length; token++)
        {
            if (logProbs[token] > logProbs[best])
            {
                best = token;
            }
        }

        sourceBeam[0] = 0;
        nextToken[0] = best;
        var (tokens, score) = _beams[0];
        if (best == _eos)
        {
            _finished.Add((tokens, score));
            Done = true;
            return;
        }

        _beams[0] = ([.. tokens, best], score + logProbs[best]);
        Done = _beams[0].Tokens.Length >= _maxNewTokens;
    }

    private void StepBeam(ReadOnlySpan<float> logProbs, int vocab, Span<int> sourceBeam, Span<long> nextToken)
    {
        // Twice the width: even if half of them end the sentence, enough remain to keep going.
        var candidates = TopCandidates(logProbs, vocab, 2 * _width);
        var length = _beams[0].Tokens.Length + 1;
        var next = new List<(long[] Tokens, double Score, int Source)>(_width);
        for (var rank = 0; rank < candidates.Count && next.Count < _width; rank++)
        {
            var (score, beam, token) = candidates[rank];
            if (token == _eos)
            {
                // As in Hugging Face: an end among the lower half only means the beam is full of ends.
                if (rank < _width)
                {
                    AddFinished(_beams[beam].Tokens, score, length);
                }

                continue;
            }

            next.Add(([.. _beams[beam].Tokens, token], score, beam));
        }

        while (next.Count < _width)
        {
            next.Add(([], double.NegativeInfinity, 0));
        }

        for (var beam = 0; beam < _width; beam++)
        {
            _beams[beam] = (next[beam].Tokens, next[beam].Score);
            sourceBeam[beam] = next[beam].Source;
            nextToken[beam] = next[beam].Tokens.Length > 0 ? next[beam].Tokens[^1] : _eos;
        }

        if (_finished.Count >= _width && _finished[^1].Score >= Normalize(next[0].Score, length))
        {
            Done = true;
        }
        else if (length >= _maxNewTokens)
        {
            foreach (var (tokens, score, _) in next.Where(beam => !double.IsNegativeInfinity(beam.Score)))
            {
                AddFinished(tokens, score, length);
            }

            Done = true;
        }
    }

    private List<(double Score, int Beam, long Token)> TopCandidates(ReadOnlySpan<float> logProbs, int vocab, int count)
    {
        var top = new List<(double Score, int Beam, long Token)>(count + 1);
        for (var beam = 0; beam < _width; beam++)
        {
            var beamScore = _beams[beam].Score;
            if (double.IsNegativeInfinity(beamScore))
            {
                continue;
            }

            var row = logProbs.Slice(beam * vocab, vocab);
            for (var token = 0; token < vocab; token++)
            {
                var score = beamScore + row[token];
                if (top.Count == count && score <= top[^1].Score)
                {
                    continue;
                }

                var at = top.Count;
                while (at > 0 && top[at - 1].Score < score)
                {
                    at--;
                }

                top.Insert(at, (score, beam, token));
                if (top.Count > count)
                {
                    top.RemoveAt(count);
                }
            }
        }

        return top;
    }

    private void AddFinished(long[] tokens, double score, int length)
    {
        var normalized = Normalize(score, length);
        var at = _finished.FindIndex(finished => finished.Score < normalized);
        _finished.Insert(at < 0 ? _finished.Count : at, (tokens, normalized));
        if (_finished.Count > _width)
        {
            _finished.RemoveAt(_width);
        }
    }

    private double Normalize(double score, int length) => score / Math.Pow(length, _lengthPenalty);
}
