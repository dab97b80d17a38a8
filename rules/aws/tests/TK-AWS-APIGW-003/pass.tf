# Routes protected by IAM, a JWT or Lambda authorizer, or (WebSocket) an API key;
# and routes that cannot carry authorization: CORS preflight, WebSocket message routes.
resource "aws_apigatewayv2_api" "http" {
  name          = "tenken-fixture-http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_authorizer" "jwt" {
  api_id           = aws_apigatewayv2_api.http.id
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]
  name             = "tenken-fixture-jwt"

  jwt_configuration {
    audience = ["tenken-fixture"]
    issuer   = "https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Tenken01"
  }
}

resource "aws_apigatewayv2_route" "get_iam" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "GET /orders"
  authorization_type = "AWS_IAM"
}

resource "aws_apigatewayv2_route" "post_jwt" {
  api_id               = aws_apigatewayv2_api.http.id
  route_key            = "POST /orders"
  authorization_type   = "JWT"
  authorizer_id        = aws_apigatewayv2_authorizer.jwt.id
  authorization_scopes = ["orders/write"]
}

resource "aws_apigatewayv2_route" "options" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "OPTIONS /orders"
}

resource "aws_apigatewayv2_api" "ws" {
  name                       = "tenken-fixture-ws"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_authorizer" "ws" {
  api_id           = aws_apigatewayv2_api.ws.id
  authorizer_type  = "REQUEST"
  authorizer_uri   = "arn:aws:apigateway:ap-northeast-1:lambda:path/2015-03-31/functions/arn:aws:lambda:ap-northeast-1:123456789012:function:tenken-auth/invocations"
  identity_sources = ["route.request.header.Auth"]
  name             = "tenken-fixture-ws-auth"
}

resource "aws_apigatewayv2_route" "ws_connect" {
  api_id             = aws_apigatewayv2_api.ws.id
  route_key          = "$connect"
  authorization_type = "CUSTOM"
  authorizer_id      = aws_apigatewayv2_authorizer.ws.id
}

resource "aws_apigatewayv2_route" "ws_message" {
  api_id    = aws_apigatewayv2_api.ws.id
  route_key = "sendMessage"
}

resource "aws_apigatewayv2_route" "ws_disconnect" {
  api_id    = aws_apigatewayv2_api.ws.id
  route_key = "$disconnect"
}
