from ninja import NinjaAPI

api = NinjaAPI(title="Pelayan API", version="1", urls_namespace="api")
