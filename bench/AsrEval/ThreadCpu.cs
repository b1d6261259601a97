using System.Runtime.InteropServices;

namespace AsrEval;

/// <summary>CPU time of the calling thread (less sensitive to a busy machine than wall time).</summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    public static double Milliseconds()
    {
        clock_gettime(ClockThreadCpuTime, out var time);
        return (time.Seconds * 1000.0) + (time.Nanoseconds / 1e6);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int clock_gettime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
