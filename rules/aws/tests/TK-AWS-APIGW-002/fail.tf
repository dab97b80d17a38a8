# Stages that write no access log.
# expect: aws_api_gateway_stage.prod
# expect: aws_apigatewayv2_stage.http_default

resource "aws_api_gateway_rest_api" "api" {
  name = "tenken-fixture-api"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "tenken-fixture", version = "1" }
    paths = {
      "/health" = {
        get = {
          x-amazon-apigateway-integration = { type = "MOCK", requestTemplates = { "application/json" = "{\"statusCode\": 200}" } }
        }
      }
    }
  })
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

# Execution logging and tracing do not replace the access log.
resource "aws_api_gateway_stage" "prod" {
  rest_api_id          = aws_api_gateway_rest_api.api.id
  deployment_id        = aws_api_gateway_deployment.api.id
  stage_name           = "prod"
  xray_tracing_enabled = true
}

resource "aws_apigatewayv2_api" "http" {
  name          = "tenken-fixture-http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "http_default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true
}
