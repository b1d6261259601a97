Console.WriteLine("speechcluster: not yet");
