# Stages that send an access log to CloudWatch Logs or Firehose.
resource "aws_cloudwatch_log_group" "access" {
  name              = "/aws/apigateway/tenken-fixture-access"
  retention_in_days = 365
}

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

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId = "$context.requestId"
      ip        = "$context.identity.sourceIp"
      caller    = "$context.identity.caller"
      time      = "$context.requestTime"
      method    = "$context.httpMethod"
      path      = "$context.resourcePath"
      status    = "$context.status"
    })
  }
}

resource "aws_api_gateway_stage" "firehose" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "audit"

  access_log_settings {
    destination_arn = "arn:aws:firehose:ap-northeast-1:123456789012:deliverystream/amazon-apigateway-tenken"
    format          = "$context.requestId $context.identity.sourceIp $context.httpMethod $context.resourcePath $context.status"
  }
}

resource "aws_apigatewayv2_api" "http" {
  name          = "tenken-fixture-http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "http_default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format          = "$context.requestId $context.identity.sourceIp $context.routeKey $context.status"
  }
}
