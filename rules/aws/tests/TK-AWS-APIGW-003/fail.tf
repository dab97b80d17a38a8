# HTTP API routes and a WebSocket $connect route that anyone can call.
# expect: aws_apigatewayv2_route.get_default
# expect: aws_apigatewayv2_route.post_none
# expect: aws_apigatewayv2_route.ws_connect

resource "aws_apigatewayv2_api" "http" {
  name          = "tenken-fixture-http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "http" {
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = "arn:aws:lambda:ap-northeast-1:123456789012:function:tenken-fixture"
  payload_format_version = "2.0"
}

# authorization_type left out (NONE).
resource "aws_apigatewayv2_route" "get_default" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "GET /orders"
  target    = "integrations/${aws_apigatewayv2_integration.http.id}"
}

resource "aws_apigatewayv2_route" "post_none" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "POST /orders"
  authorization_type = "NONE"
  target             = "integrations/${aws_apigatewayv2_integration.http.id}"
}

resource "aws_apigatewayv2_api" "ws" {
  name                       = "tenken-fixture-ws"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_route" "ws_connect" {
  api_id    = aws_apigatewayv2_api.ws.id
  route_key = "$connect"
}
