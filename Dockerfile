# syntax=docker/dockerfile:1
# The faultline CLI as a container image. The AWS export's ECS task definitions run the load generator from it:
#   docker build -t faultline .
#   docker run --rm faultline load https://api.example.com/api/hello --rate 10 --duration 15m --emf -
# (docs/aws.md, "Load against real endpoints").

# 1. The CLI, published framework-dependent (the runtime image below carries ASP.NET Core, which the CLI needs).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig README.md ./
COPY eng/ eng/
COPY samples/ samples/
COPY src/ src/
RUN dotnet publish src/Faultline.Cli/Faultline.Cli.csproj -c Release -o /opt/faultline --nologo

# 2. The runtime image: the published CLI on the PATH as 'faultline', run as the image's non-root user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
COPY --from=build /opt/faultline/ /opt/faultline/
RUN ln -s /opt/faultline/faultline /usr/local/bin/faultline
WORKDIR /work
USER $APP_UID
ENTRYPOINT ["faultline"]
CMD ["--help"]
