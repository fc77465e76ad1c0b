using Faultline.Benchmarks;

// bench/run.sh drives these modes; each bounds itself in time and only talks to 127.0.0.1.
return args.FirstOrDefault() switch
{
    "kestrel" => await KestrelTarget.RunAsync(args[1..]),
    "open" => await OpenModelBench.RunAsync(args[1..]),
    "memory" => await MemoryBench.RunAsync(args[1..]),
    "report" => await Report.RunAsync(args[1..]),
    "gateway" => await GatewayRunBench.RunAsync(args[1..]),
    "simulate" => await SimulateBench.RunAsync(args[1..]),
    "agreement" => await AgreementBench.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Faultline.Benchmarks kestrel PORT
               Faultline.Benchmarks open URL RATE1,RATE2,... STEP_SECONDS
               Faultline.Benchmarks memory URL RATE SCALE LAB_MINUTES
               Faultline.Benchmarks report OUT.md NGINX_URL KESTREL_URL RATES STEP_SECONDS
               Faultline.Benchmarks gateway OUT.md FAULTLINE_DLL RATES STEP_SECONDS
               Faultline.Benchmarks simulate OUT.md [BATCH_RUNS]
               Faultline.Benchmarks agreement OUT.md FAULTLINE_DLL SEEDS [SAMPLES]
        """);
    return 2;
}
