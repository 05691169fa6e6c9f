# engagiert: a static binary on scratch. Build and run:
#   docker build -t engagiert .
#   docker run --rm -p 8080:8080 -e SLACK_BOT_TOKEN -e SLACK_SIGNING_SECRET engagiert
#
# The build image is pinned by tag and digest, so a rebuild of an old commit
# gives the same image. The digest was taken from public Dockerfiles, not
# pulled here; refresh it with `crane digest IMAGE:TAG` (or
# `docker buildx imagetools inspect IMAGE:TAG`) when bumping the tag.

FROM golang:1.26.8-bookworm@sha256:a688600ca24f8a4d3ca77f95b0dd40704a9fc787c826660eb7ba0b641b8b175d AS build
WORKDIR /src
# Modules first: this layer is reused while only the code changes.
COPY go.mod go.sum ./
RUN go mod download
# The whole checkout, .git included: go build stamps the commit into the
# binary (engagiert version, /readyz, engagiert_build_info), and marks it
# modified only if the checkout was.
COPY . .
# Static (no cgo), no local paths, no debug info: the same command .ci/run checks.
RUN CGO_ENABLED=0 go build -buildvcs=true -trimpath -ldflags="-s -w" -o /out/engagiert ./cmd/engagiert

# scratch plus the CA certificates (the bot calls Slack over HTTPS): no
# shell, no package manager, nothing but the binary. The binary is about
# 31.5 MiB (Bleve, slack-go, go-redis, Prometheus; json-iterator's reflection
# keeps every exported method alive; x/text/collate's German tables 1.6 MiB
# and time/tzdata 0.4 MiB, so sorting and "today" are German also here):
# the image is about 31.7 MiB, over its 30 MB target, and distroless's
# extra 2 MiB would add to that for nothing the bot needs.
FROM scratch
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /out/engagiert /engagiert
# A numeric non-root user: scratch has no /etc/passwd, and needs none.
USER 65532:65532
ENV ENGAGIERT_ADDR=:8080
EXPOSE 8080
# The image has no curl: the binary checks its own /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["/engagiert", "healthcheck"]
ENTRYPOINT ["/engagiert"]
CMD ["serve"]
