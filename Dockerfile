# FlowViz image: built from this checkout, run by docker-compose.yml next to TimescaleDB.
# syntax=docker/dockerfile:1

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The web project's build runs `npm ci` in wwwroot-assets/ to fetch apexcharts.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /source
COPY . .
RUN dotnet publish src/FlowViz.Web/FlowViz.Web.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    FlowViz__DataDirectory=/var/lib/flowviz
VOLUME /var/lib/flowviz
EXPOSE 8080 2055/udp 9995/udp 4739/udp 6343/udp
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /healthz HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && head -n1 <&3 | grep -q " 200 "'
ENTRYPOINT ["dotnet", "flowviz.dll"]
